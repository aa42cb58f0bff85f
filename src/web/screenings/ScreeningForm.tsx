import { Button, Label, Textarea } from '@trussworks/react-uswds';
import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { DemonstrationAlert } from '../components/DemonstrationAlert';
import { Disclosure } from '../components/Disclosure';
import { CorrectionForm } from '../corrections/CorrectionForm';
import { canSeeTeamWork } from '../lib/roles';
import { useActiveSession } from '../auth/SessionContext';
import { FocusedAlert } from '../components/FocusedAlert';
import { PageHeading } from '../components/PageHeading';
import { formatDateTime } from '../lib/format';
import { pick } from '../lib/localized';
import { useLanguage } from '../lib/useLanguage';
import type { InstrumentDefinition } from '../../contract/instruments';
import type { MissingItem, ScreeningDetail } from '../../contract/screenings';
import { BackToRecord } from './BackToRecord';
import { ItemFieldset } from './ItemFieldset';
import { StepProgress } from './StepProgress';
import { useAutosave } from './useAutosave';

interface Props {
  youthId: string;
  youthName: string | null;
  screening: ScreeningDetail;
  definition: InstrumentDefinition;
  onFinalized: (screening: ScreeningDetail) => void;
}

type FocusRequest = { target: 'heading' } | { target: 'item'; key: string };

/** Where a draft picks up: the first section with an unanswered item, else the last step. */
function resumeStep(definition: InstrumentDefinition, ratings: Record<string, string>): number {
  const open = definition.sections.findIndex((s) => s.items.some((i) => ratings[i.key] === undefined));
  return open === -1 ? definition.sections.length : open;
}

/** A draft screening, one section at a time, saved as the worker goes. */
export function ScreeningForm({ youthId, youthName, screening, definition, onFinalized }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const path = `/api/youth/${encodeURIComponent(youthId)}/screenings/${encodeURIComponent(screening.id)}`;
  const { sections } = definition;
  const [ratings, setRatings] = useState<Record<string, string>>(screening.ratings);
  const [notes, setNotes] = useState(screening.notes ?? '');
  const [step, setStep] = useState(() => resumeStep(definition, screening.ratings));
  const [missing, setMissing] = useState<{ items: MissingItem[]; attempt: number } | null>(null);
  const [finishError, setFinishError] = useState<ActionError | null>(null);
  const [finishing, setFinishing] = useState(false);
  const [finalConflict, setFinalConflict] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{ request: FocusRequest; n: number } | null>(null);
  const attempt = useRef(0);
  const session = useActiveSession();
  const navigate = useNavigate();
  const [discarding, setDiscarding] = useState(false);
  // Its author or a supervisor may discard a draft (the server checks; this only shapes the page).
  const mayDiscard = canSeeTeamWork(session) || session.user.displayName === screening.administeredBy;
  const stepHeading = useRef<HTMLHeadingElement>(null);

  const body = useMemo(() => ({ ratings, notes: notes.trim() ? notes : null }), [ratings, notes]);
  const autosave = useAutosave(path, screening.version, body);
  const conflict = autosave.status === 'conflict' || finalConflict;

  const scales = useMemo(() => new Map(definition.scales.map((s) => [s.key, s])), [definition]);
  const numbers = useMemo(() => {
    const map = new Map<string, number>();
    sections.flatMap((s) => s.items).forEach((item, i) => map.set(item.key, i + 1));
    return map;
  }, [sections]);
  const allItems = sections.flatMap((s) => s.items);
  const answered = allItems.filter((i) => ratings[i.key] !== undefined).length;
  const stillMissing = missing ? missing.items.filter((m) => ratings[m.item] === undefined) : [];

  useEffect(() => {
    if (!focusRequest) return;
    const { request } = focusRequest;
    if (request.target === 'heading') {
      stepHeading.current?.focus();
      return;
    }
    const group = document.getElementById(`item-${request.key}`);
    const radio =
      group?.querySelector<HTMLInputElement>('input[type="radio"]:checked') ??
      group?.querySelector<HTMLInputElement>('input[type="radio"]');
    group?.scrollIntoView({ block: 'center' });
    radio?.focus({ preventScroll: true });
  }, [focusRequest]);

  const goTo = (next: number, request: FocusRequest = { target: 'heading' }) => {
    setStep(next);
    setFocusRequest({ request, n: (focusRequest?.n ?? 0) + 1 });
  };

  const goToItem = (event: MouseEvent<HTMLAnchorElement>, item: MissingItem) => {
    event.preventDefault();
    const index = sections.findIndex((s) => s.key === item.section);
    if (index !== -1) goTo(index, { target: 'item', key: item.item });
  };

  const finish = async () => {
    attempt.current += 1;
    setFinishError(null);
    setFinishing(true);
    const version = await autosave.flush();
    if (version === null) {
      setFinishing(false);
      return;
    }
    try {
      onFinalized(await api<ScreeningDetail>(`${path}/finalize`, { method: 'POST', body: { version } }));
    } catch (err) {
      setFinishing(false);
      const details = err instanceof ApiError ? (err.details as { missing?: MissingItem[] } | undefined) : undefined;
      if (err instanceof ApiError && err.status === 400 && details?.missing?.length) {
        setMissing({ items: details.missing, attempt: attempt.current });
      } else if (err instanceof ApiError && err.status === 409) {
        setFinalConflict(true);
      } else {
        setFinishError(toActionError(err, attempt.current));
      }
    }
  };

  const onLastStep = step >= sections.length;
  const section = onLastStep ? null : sections[step]!;
  const sectionAnswered = section ? section.items.filter((i) => ratings[i.key] !== undefined).length : 0;

  const saveText = (() => {
    switch (autosave.status) {
      case 'idle':
        return t('screening.save.idle');
      case 'pending':
      case 'saving':
        return t('screening.save.saving');
      case 'saved':
        return t('screening.save.saved');
      case 'error':
        return t('screening.save.error');
      case 'conflict':
        return t('screening.save.stopped');
    }
  })();

  return (
    <>
      <BackToRecord youthId={youthId} youthName={youthName} />
      <PageHeading documentTitle={t('screening.documentTitle')}>{pick(definition.name, language)}</PageHeading>
      <p className="usa-intro margin-top-1">
        {youthName
          ? t('screening.draftFor', { name: youthName, context: t(`screeningContexts.${screening.context}`) })
          : t('screening.draftGeneric', { context: t(`screeningContexts.${screening.context}`) })}
      </p>
      <p className="text-base-dark margin-top-0">
        {t('screening.startedBy', {
          date: formatDateTime(screening.administeredAt, language),
          name: screening.administeredBy,
        })}
      </p>
      {definition.demonstration && <DemonstrationAlert name={pick(definition.name, language)} />}

      {conflict && (
        <FocusedAlert heading={t('screening.conflict.heading')}>
          <p className="usa-alert__text">{t('screening.conflict.body')}</p>
          <Button type="button" className="margin-top-1" onClick={() => window.location.reload()}>
            {t('screening.conflict.reload')}
          </Button>
        </FocusedAlert>
      )}

      {missing && stillMissing.length > 0 && (
        <FocusedAlert key={missing.attempt} heading={t('screening.missing.heading', { count: stillMissing.length })}>
          <p className="usa-alert__text">{t('screening.missing.intro')}</p>
          <ul className="usa-list harbor-missing-list">
            {sections
              .filter((s) => stillMissing.some((m) => m.section === s.key))
              .map((s) => (
                <li key={s.key}>
                  <strong>{pick(s.title, language)}</strong>
                  <ul>
                    {stillMissing
                      .filter((m) => m.section === s.key)
                      .map((m) => {
                        const item = s.items.find((i) => i.key === m.item);
                        return (
                          <li key={m.item}>
                            <a className="usa-link" href={`#item-${m.item}`} onClick={(e) => goToItem(e, m)}>
                              {numbers.get(m.item)}. {item ? pick(item.text, language) : m.item}
                            </a>
                          </li>
                        );
                      })}
                  </ul>
                </li>
              ))}
          </ul>
        </FocusedAlert>
      )}
      {finishError && <ActionErrorAlert error={finishError} heading={t('screening.finishFailed')} headingLevel="h2" />}

      <div className="harbor-save-bar">
        <p role="status" aria-live="polite" className={`harbor-save-status harbor-save-status--${autosave.status}`}>
          {saveText}
        </p>
        {autosave.status === 'error' && (
          <Button type="button" unstyled onClick={() => void autosave.flush()}>
            {t('screening.save.retry')}
          </Button>
        )}
      </div>

      <StepProgress sections={sections} current={step} ratings={ratings} />

      <form
        className="harbor-screening-form"
        noValidate
        onSubmit={(e) => e.preventDefault()}
        aria-labelledby="step-heading"
      >
        <h2 id="step-heading" ref={stepHeading} tabIndex={-1} className="harbor-step-heading">
          <span className="harbor-step-heading__counter">
            {section
              ? t('screening.sectionOf', { current: step + 1, total: sections.length })
              : t('screening.lastStep')}
          </span>{' '}
          <span className="harbor-step-heading__title">
            {section ? pick(section.title, language) : t('screening.notesAndFinish')}
          </span>
        </h2>
        {section?.description && <p>{pick(section.description, language)}</p>}
        <p className="harbor-answered">
          {section
            ? t('screening.answeredSection', {
                answered: sectionAnswered,
                total: section.items.length,
                all: answered,
                allTotal: allItems.length,
              })
            : t('screening.answeredAll', { answered, total: allItems.length })}
        </p>

        {section ? (
          <>
            {step === 0 && <p className="usa-hint">{t('screening.allRequired')}</p>}
            {section.items.map((item) => (
              <ItemFieldset
                key={item.key}
                item={item}
                number={numbers.get(item.key) ?? 0}
                scale={scales.get(item.scale)!}
                value={ratings[item.key]}
                invalid={stillMissing.some((m) => m.item === item.key)}
                invalidText={t('screening.missing.itemError')}
                onChange={(value) => !conflict && setRatings((r) => ({ ...r, [item.key]: value }))}
              />
            ))}
          </>
        ) : (
          <>
            <Label htmlFor="screening-notes" hint={<span className="display-block">{t('screening.notesHint')}</span>}>
              {t('screening.notes')}
            </Label>
            <Textarea
              id="screening-notes"
              name="notes"
              maxLength={5000}
              value={notes}
              disabled={conflict}
              onChange={(e) => setNotes(e.target.value)}
            />
            <p className="margin-top-3">
              {answered < allItems.length ? t('screening.finishHintMissing') : t('screening.finishHint')}
            </p>
          </>
        )}

        <div className="harbor-step-buttons">
          {step > 0 && (
            <Button type="button" outline onClick={() => goTo(step - 1)}>
              {t('screening.previous')}
            </Button>
          )}
          {onLastStep ? (
            <Button type="button" disabled={finishing || conflict} onClick={() => void finish()}>
              {finishing ? t('screening.finishing') : t('screening.finish')}
            </Button>
          ) : (
            <Button type="button" onClick={() => goTo(step + 1)}>
              {step === sections.length - 1 ? t('screening.nextToFinish') : t('screening.next')}
            </Button>
          )}
        </div>
      </form>
      {mayDiscard && (
        <section aria-labelledby="discard-heading" className="harbor-section margin-top-4">
          <h2 id="discard-heading" className="usa-sr-only">
            {t('corrections.discard.open')}
          </h2>
          <Disclosure
            id="discard-draft"
            label={t('corrections.discard.open')}
            open={discarding}
            onToggle={setDiscarding}
          >
            <CorrectionForm
              id="discard"
              fields={[]}
              intro={t('corrections.discard.intro')}
              submitLabel={t('corrections.discard.submit')}
              onCancel={() => setDiscarding(false)}
              onSubmit={async (_changed, reason) => {
                const version = await autosave.flush();
                await api(`${path}/discard`, {
                  method: 'POST',
                  body: { version: version ?? screening.version, reason },
                });
                void navigate(`/youth/${encodeURIComponent(youthId)}`, { state: { notice: 'screeningDiscarded' } });
              }}
            />
          </Disclosure>
        </section>
      )}
    </>
  );
}
