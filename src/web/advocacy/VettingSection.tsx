import { Button } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ApiErrorView } from '../components/ApiErrorView';
import { Disclosure } from '../components/Disclosure';
import type { FieldProblem } from '../components/ErrorSummary';
import { Loading } from '../components/Loading';
import { countyDate, formatDate, formatList } from '../lib/format';
import type { ApiResult } from '../lib/useApi';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import { DateField, SelectField, useFormRun, vettingGapText } from './formKit';
import { useVettingItemLabel } from './vettingItemLabel';
import type { AdvocateVetting, Roster } from '../../contract/advocacy';
import type { CountySettingsView } from '../../contract/county';
import { CLEARANCE_KINDS } from '../../domain/advocacy';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The organization's advocates with today's vetting, what ends soon, and forms to record more. */
export function VettingSection({
  roster,
  onSaved,
}: {
  roster: { result: ApiResult<Roster>; reload: () => void };
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="cbo-advocates" className="harbor-section">
      <h2 id="cbo-advocates">{t('cboView.advocatesHeading')}</h2>
      {roster.result.status === 'error' ? (
        <ApiErrorView error={roster.result.error} onRetry={roster.reload} />
      ) : roster.result.status === 'loading' ? (
        <Loading />
      ) : (
        <RosterBody roster={roster.result.data} onSaved={onSaved} />
      )}
    </section>
  );
}

function RosterBody({ roster, onSaved }: { roster: Roster; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const settings = useApi<CountySettingsView>('/api/county/settings');
  const trainings =
    settings.result.status === 'ok' ? (settings.result.data.settings.advocacy?.requiredTrainings ?? []) : [];
  const trainingLabel = (key: string) => trainings.find((x) => x.key === key)?.label ?? key;
  const [form, setForm] = useState<'clearance' | 'training' | null>(null);
  const d = (s: string | null) => (s ? formatDate(s, language) : t('cboView.noEnd'));
  const expiring = roster.advocates.flatMap((a) => a.expiring.map((e) => ({ ...e, name: a.name, userId: a.userId })));
  const itemLabel = useVettingItemLabel();

  return (
    <>
      <h3>{t('cboView.expiringHeading', { days: roster.warningDays })}</h3>
      {expiring.length === 0 ? (
        <p>{t('cboView.noneExpiring')}</p>
      ) : (
        <ul className="usa-list">
          {expiring.map((e) => (
            <li key={`${e.userId}:${e.what}:${e.endsOn}`}>
              {t('cboView.expiringItem', { name: e.name, what: itemLabel(e), date: formatDate(e.endsOn, language) })}
            </li>
          ))}
        </ul>
      )}
      <ul className="usa-list usa-list--unstyled">
        {roster.advocates.map((a) => (
          <li key={a.userId} className="margin-bottom-3">
            <AdvocateCard advocate={a} d={d} trainingLabel={trainingLabel} />
          </li>
        ))}
      </ul>
      {roster.advocates.length > 0 && (
        <div className="harbor-advocacy-steps">
          <Disclosure
            id="cbo-clearance-box"
            label={t('cboView.clearance.open')}
            open={form === 'clearance'}
            onToggle={(o) => setForm(o ? 'clearance' : null)}
          >
            <ClearanceForm
              advocates={roster.advocates}
              onSaved={(m) => {
                setForm(null);
                onSaved(m);
              }}
            />
          </Disclosure>
          <Disclosure
            id="cbo-training-box"
            label={t('cboView.training.open')}
            open={form === 'training'}
            onToggle={(o) => setForm(o ? 'training' : null)}
          >
            <TrainingForm
              advocates={roster.advocates}
              trainings={trainings}
              onSaved={(m) => {
                setForm(null);
                onSaved(m);
              }}
            />
          </Disclosure>
        </div>
      )}
      <p className="usa-hint">{t('cboView.approvalsHint')}</p>
    </>
  );
}

function AdvocateCard({
  advocate: a,
  d,
  trainingLabel,
}: {
  advocate: AdvocateVetting;
  d: (s: string | null) => string;
  trainingLabel: (k: string) => string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = `cbo-advocate-${a.userId}`;
  return (
    <article aria-labelledby={headingId}>
      <h3 id={headingId} className="margin-bottom-1">
        {a.name}: {a.cleared ? t('cboView.cleared') : t('cboView.notCleared')}
      </h3>
      {!a.cleared && (
        <p>
          {t('cboView.gaps', {
            gaps: formatList(
              a.gapItems.map((g) => vettingGapText(t, g)),
              language,
            ),
          })}
        </p>
      )}
      <dl className="harbor-details">
        <div className="harbor-details__row">
          <dt>{t('cboView.clearances')}</dt>
          <dd>
            {a.clearances.length
              ? formatList(
                  a.clearances.map((c) =>
                    t('cboView.clearanceItem', {
                      kind: t(`cboView.clearanceKinds.${c.kind}`, { defaultValue: c.kind }),
                      from: d(c.clearedOn),
                      until: d(c.expiresOn),
                    }),
                  ),
                  language,
                )
              : t('common.none')}
          </dd>
        </div>
        <div className="harbor-details__row">
          <dt>{t('cboView.trainings')}</dt>
          <dd>
            {a.trainings.length
              ? formatList(
                  a.trainings.map((x) =>
                    t('cboView.trainingItem', {
                      training: trainingLabel(x.trainingKey),
                      from: d(x.completedOn),
                      until: d(x.expiresOn),
                    }),
                  ),
                  language,
                )
              : t('common.none')}
          </dd>
        </div>
        <div className="harbor-details__row">
          <dt>{t('cboView.approvals')}</dt>
          <dd>
            {a.approvals.length
              ? formatList(
                  a.approvals.map((x) =>
                    x.revokedOn
                      ? t('cboView.approvalRevoked', {
                          who: x.approvedBy,
                          from: d(x.approvedOn),
                          revoked: d(x.revokedOn),
                        })
                      : t('cboView.approvalItem', {
                          who: x.approvedBy,
                          from: d(x.approvedOn),
                          until: d(x.approvedUntil),
                        }),
                  ),
                  language,
                )
              : t('common.none')}
          </dd>
        </div>
      </dl>
    </article>
  );
}

function datesCheck(
  t: (k: string) => string,
  from: string,
  fromField: string,
  until: string,
  untilField: string,
): FieldProblem[] {
  const list: FieldProblem[] = [];
  if (!DAY.test(from)) list.push({ field: fromField, message: t('cboView.errors.from') });
  if (until && !DAY.test(until)) list.push({ field: untilField, message: t('cboView.errors.until') });
  else if (until && DAY.test(from) && until < from)
    list.push({ field: untilField, message: t('cboView.errors.order') });
  return list;
}

function ClearanceForm({ advocates, onSaved }: { advocates: AdvocateVetting[]; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const [userId, setUserId] = useState('');
  const [kind, setKind] = useState('');
  const [from, setFrom] = useState(() => countyDate());
  const [until, setUntil] = useState('');
  const form = useFormRun();
  const check = () => {
    const list: FieldProblem[] = [];
    if (!userId) list.push({ field: 'cbo-clearance-advocate', message: t('cboView.errors.advocate') });
    if (!kind) list.push({ field: 'cbo-clearance-kind', message: t('cboView.clearance.errors.kind') });
    return [...list, ...datesCheck(t, from, 'cbo-clearance-from', until, 'cbo-clearance-until')];
  };
  const send = async () => {
    await api(`/api/advocacy/advocates/${encodeURIComponent(userId)}/clearances`, {
      method: 'POST',
      body: { kind, clearedOn: from, expiresOn: until || null },
    });
    onSaved(t('cboView.clearance.saved'));
  };
  return (
    <form
      className="usa-form harbor-wide-form"
      noValidate
      onSubmit={(e) => form.run(e, check, send)}
      aria-labelledby="cbo-clearance-heading"
    >
      <h3 id="cbo-clearance-heading">{t('cboView.clearance.heading')}</h3>
      {form.alerts(t('cboView.clearance.failed'))}
      <SelectField
        id="cbo-clearance-advocate"
        label={t('cboView.advocate')}
        error={form.errorFor('cbo-clearance-advocate')}
        value={userId}
        onChange={setUserId}
        options={advocates.map((a) => ({ value: a.userId, label: a.name }))}
      />
      <SelectField
        id="cbo-clearance-kind"
        label={t('cboView.clearance.kind')}
        error={form.errorFor('cbo-clearance-kind')}
        value={kind}
        onChange={setKind}
        options={CLEARANCE_KINDS.map((k) => ({ value: k, label: t(`cboView.clearanceKinds.${k}`) }))}
      />
      <DateField
        id="cbo-clearance-from"
        label={t('cboView.clearance.from')}
        error={form.errorFor('cbo-clearance-from')}
        value={from}
        onChange={setFrom}
      />
      <DateField
        id="cbo-clearance-until"
        optional
        label={t('cboView.clearance.until')}
        error={form.errorFor('cbo-clearance-until')}
        value={until}
        onChange={setUntil}
      />
      <Button type="submit" className="margin-top-2" disabled={form.saving}>
        {form.saving ? form.savingLabel : t('cboView.clearance.submit')}
      </Button>
    </form>
  );
}

function TrainingForm({
  advocates,
  trainings,
  onSaved,
}: {
  advocates: AdvocateVetting[];
  trainings: { key: string; label: string }[];
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [userId, setUserId] = useState('');
  const [key, setKey] = useState('');
  const [from, setFrom] = useState(() => countyDate());
  const [until, setUntil] = useState('');
  const form = useFormRun();
  const check = () => {
    const list: FieldProblem[] = [];
    if (!userId) list.push({ field: 'cbo-training-advocate', message: t('cboView.errors.advocate') });
    if (!key) list.push({ field: 'cbo-training-key', message: t('cboView.training.errors.key') });
    return [...list, ...datesCheck(t, from, 'cbo-training-from', until, 'cbo-training-until')];
  };
  const send = async () => {
    await api(`/api/advocacy/advocates/${encodeURIComponent(userId)}/trainings`, {
      method: 'POST',
      body: { trainingKey: key, completedOn: from, expiresOn: until || null },
    });
    onSaved(t('cboView.training.saved'));
  };
  return (
    <form
      className="usa-form harbor-wide-form"
      noValidate
      onSubmit={(e) => form.run(e, check, send)}
      aria-labelledby="cbo-training-heading"
    >
      <h3 id="cbo-training-heading">{t('cboView.training.heading')}</h3>
      {form.alerts(t('cboView.training.failed'))}
      <SelectField
        id="cbo-training-advocate"
        label={t('cboView.advocate')}
        error={form.errorFor('cbo-training-advocate')}
        value={userId}
        onChange={setUserId}
        options={advocates.map((a) => ({ value: a.userId, label: a.name }))}
      />
      <SelectField
        id="cbo-training-key"
        label={t('cboView.training.key')}
        error={form.errorFor('cbo-training-key')}
        value={key}
        onChange={setKey}
        options={trainings.map((x) => ({ value: x.key, label: x.label }))}
      />
      <DateField
        id="cbo-training-from"
        label={t('cboView.training.from')}
        error={form.errorFor('cbo-training-from')}
        value={from}
        onChange={setFrom}
      />
      <DateField
        id="cbo-training-until"
        optional
        label={t('cboView.training.until')}
        error={form.errorFor('cbo-training-until')}
        value={until}
        onChange={setUntil}
      />
      <Button type="submit" className="margin-top-2" disabled={form.saving}>
        {form.saving ? form.savingLabel : t('cboView.training.submit')}
      </Button>
    </form>
  );
}
