import { Icon } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCountyDateTime, formatDuration } from '../lib/format';
import { useLanguage } from '../lib/useLanguage';
import type { ObligationView } from '../../contract/obligations';
import { dutyState, minutesLeft } from './dutyState';

interface Props {
  obligation: ObligationView;
  now: number;
  /** The card's heading: the duty's name on a youth's record, the youth's name on "My work". */
  heading: ReactNode;
  headingLevel?: 'h3' | 'h4';
  showOwner?: boolean;
  children?: ReactNode;
}

function recordText(record: Record<string, unknown> | null, key: string): string | null {
  const value = record?.[key];
  return typeof value === 'string' && value.trim() ? value : null;
}

/** One duty: what it is, when it is due in county time, how much time is left or how late it is. */
export function DutyCard({ obligation: o, now, heading, headingLevel = 'h3', showOwner = true, children }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const state = dutyState(o, now);
  const left = minutesLeft(o, now);
  const Heading = headingLevel;
  const agency = recordText(o.record, 'agency');
  const reportNumber = recordText(o.record, 'reportNumber');

  return (
    <li className={`harbor-duty harbor-duty--${state}`}>
      <div className="harbor-duty__top">
        <Heading className="harbor-duty__heading">{heading}</Heading>
        <span className={`usa-tag harbor-duty__tag harbor-duty__tag--${state}`}>
          {state === 'overdue' && <Icon.Error size={3} aria-hidden="true" focusable={false} />}
          {state === 'due' && <Icon.Schedule size={3} aria-hidden="true" focusable={false} />}
          {state === 'met' && <Icon.CheckCircle size={3} aria-hidden="true" focusable={false} />}
          {t(`duties.state.${state}`)}
        </span>
      </div>
      {state === 'overdue' && (
        <p className="harbor-duty__when harbor-duty__when--overdue">
          {t('duties.overdueBy', { time: formatDuration(left, language) })}
        </p>
      )}
      {state === 'due' && (
        <p className="harbor-duty__when">{t('duties.timeLeft', { time: formatDuration(left, language) })}</p>
      )}
      {state === 'met' && (
        <p className="harbor-duty__when">{o.metOnTime === false ? t('duties.metLate') : t('duties.metOnTime')}</p>
      )}
      <dl className="harbor-duty__facts">
        <div>
          <dt>{t('duties.due')}</dt>
          <dd>{formatCountyDateTime(o.dueAt, language)}</dd>
        </div>
        {o.metAt && (
          <div>
            <dt>{t('duties.done')}</dt>
            <dd>{formatCountyDateTime(o.metAt, language)}</dd>
          </div>
        )}
        {agency && (
          <div>
            <dt>{t('duties.agency')}</dt>
            <dd>{reportNumber ? t('duties.agencyAndNumber', { agency, number: reportNumber }) : agency}</dd>
          </div>
        )}
        {o.waiveReason && (
          <div>
            <dt>{t('duties.waiveReason')}</dt>
            <dd>{o.waiveReason}</dd>
          </div>
        )}
        {showOwner && (
          <div>
            <dt>{t('duties.owner')}</dt>
            <dd>
              {o.owner ? t('duties.ownerValue', { name: o.owner, organization: o.organization }) : o.organization}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('duties.why')}</dt>
          <dd>{t(`obligationKinds.${o.kind}.basis`)}</dd>
        </div>
      </dl>
      {children}
    </li>
  );
}
