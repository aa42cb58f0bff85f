import { Button, Checkbox, Fieldset, FormGroup, Radio, Select, TextInput, Textarea } from '@trussworks/react-uswds';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { formatCountyDateTime } from '../lib/format';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import type { ScreeningList } from '../../contract/screenings';
import type { EpisodeDetail } from '../../contract/missing';
import { LEAVING_FACTORS } from '../../domain/missing';

interface Props {
  youthId: string;
  episode: EpisodeDetail;
  onSaved: (episode: EpisodeDetail & { csecTypeRecorded: boolean }, completed: boolean) => void;
  onCancel: () => void;
  /** A screening just done for this episode (from the screening's link back): chosen when it is a candidate. */
  preselectScreeningId?: string;
}

type Exploited = 'yes' | 'no' | 'unknown' | '';

/**
 * The return debrief: why the youth left, how the next placement answers it, what happened while
 * away, and the CSEC screening done on return. A draft can be saved at any time; completing it
 * needs every element and a finished screening.
 */
export function DebriefForm({ youthId, episode, onSaved, onCancel, preselectScreeningId }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const language = useLanguage();
  const d = episode.debrief;
  const screenings = useApi<ScreeningList>(`/api/youth/${encodeURIComponent(youthId)}/screenings`);
  const [factors, setFactors] = useState<string[]>(d?.leavingFactors ?? []);
  const [factorsNote, setFactorsNote] = useState(d?.factorsNote ?? '');
  const [addressed, setAddressed] = useState(d?.factorsAddressed ?? '');
  const [experiences, setExperiences] = useState(d?.experiences ?? '');
  const [exploited, setExploited] = useState<Exploited>(d?.exploitedWhileAbsent ?? '');
  const [subcategory, setSubcategory] = useState('');
  const [screeningId, setScreeningId] = useState(d?.screening?.id ?? preselectScreeningId ?? '');
  const [problems, setProblems] = useState<{ list: FieldProblem[]; attempt: number } | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [saving, setSaving] = useState(false);
  const attempt = useRef(0);
  const typeRecorded = !!d?.csecTypeRecordId;
  // What was typed and not yet saved: leaving warns, and "Start a screening" saves a draft first.
  const dirty =
    factors.join() !== (d?.leavingFactors ?? []).join() ||
    factorsNote !== (d?.factorsNote ?? '') ||
    addressed !== (d?.factorsAddressed ?? '') ||
    experiences !== (d?.experiences ?? '') ||
    exploited !== (d?.exploitedWhileAbsent ?? '') ||
    subcategory !== '';
  useLeaveWarning(dirty && !saving, t('day.debrief.leaveWarning'));

  // Screenings done on return from missing, since this episode began.
  const candidates =
    screenings.result.status === 'ok'
      ? screenings.result.data.screenings.filter(
          (s) => s.context === 'return_from_missing' && s.administeredAt >= episode.discoveredAt && !s.supersededById,
        )
      : [];

  const save = async (complete: boolean, then?: (saved: EpisodeDetail & { csecTypeRecorded: boolean }) => void) => {
    attempt.current += 1;
    setError(null);
    const list: FieldProblem[] = [];
    if (exploited === 'yes' && !typeRecorded && subcategory.trim().length < 2)
      list.push({ field: 'debrief-subcategory', message: t('debrief.errors.subcategory') });
    if (complete) {
      if (!factors.length) list.push({ field: 'debrief-factors', message: t('debrief.errors.factors') });
      if (!addressed.trim()) list.push({ field: 'debrief-addressed', message: t('debrief.errors.addressed') });
      if (!experiences.trim()) list.push({ field: 'debrief-experiences', message: t('debrief.errors.experiences') });
      if (!exploited) list.push({ field: 'debrief-exploited', message: t('debrief.errors.exploited') });
      const chosen = candidates.find((s) => s.id === screeningId);
      if (!chosen) list.push({ field: 'debrief-screening', message: t('debrief.errors.screening') });
      else if (chosen.status !== 'final')
        list.push({ field: 'debrief-screening', message: t('debrief.errors.screeningDraft') });
    }
    if (list.length) {
      setProblems({ list, attempt: attempt.current });
      return;
    }
    setProblems(null);
    setSaving(true);
    try {
      const saved = await api<EpisodeDetail & { csecTypeRecorded: boolean }>(
        `/api/youth/${encodeURIComponent(youthId)}/missing/${encodeURIComponent(episode.id)}/debrief`,
        {
          method: 'POST',
          body: {
            version: d?.version ?? 0,
            leavingFactors: factors,
            factorsNote: factorsNote.trim() || null,
            factorsAddressed: addressed.trim() || null,
            experiences: experiences.trim() || null,
            exploitedWhileAbsent: exploited || null,
            allegationSubcategory: exploited === 'yes' && !typeRecorded ? subcategory.trim() : null,
            screeningId: screeningId || null,
            complete,
          },
        },
      );
      setSaving(false);
      if (then) then(saved);
      else onSaved(saved, complete);
    } catch (err) {
      setSaving(false);
      setError(toActionError(err, attempt.current));
    }
  };

  const errorFor = (field: string) => problems?.list.find((p) => p.field === field)?.message;
  const screeningPath = `/youth/${encodeURIComponent(youthId)}/screenings/new?context=return_from_missing&episode=${encodeURIComponent(episode.id)}`;
  const area = (
    id: string,
    label: string,
    value: string,
    set: (v: string) => void,
    hint?: string,
    optional = false,
  ) => (
    <Field
      id={id}
      label={label}
      hint={hint}
      error={errorFor(id)}
      optional={optional}
      optionalText={t('forms.optional')}
    >
      {(describedBy) => (
        <Textarea
          id={id}
          name={id}
          className="harbor-short-textarea"
          maxLength={4000}
          value={value}
          error={!!errorFor(id)}
          aria-invalid={!!errorFor(id) || undefined}
          aria-describedby={describedBy}
          onChange={(e) => set(e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form
      className="usa-form usa-form--large harbor-wide-form"
      noValidate
      aria-label={t('debrief.formLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        void save(true);
      }}
    >
      {problems && <ErrorSummary key={problems.attempt} problems={problems.list} headingLevel="h4" />}
      {error && <ActionErrorAlert key={error.attempt} error={error} heading={t('debrief.failed')} headingLevel="h4" />}
      <FormGroup error={!!errorFor('debrief-factors')}>
        <Fieldset legend={t('debrief.factors')} id="debrief-factors">
          {errorFor('debrief-factors') && <span className="usa-error-message">{errorFor('debrief-factors')}</span>}
          {LEAVING_FACTORS.map((f) => (
            <Checkbox
              key={f}
              id={`debrief-factor-${f}`}
              name="leavingFactors"
              value={f}
              checked={factors.includes(f)}
              onChange={(e) => setFactors((list) => (e.target.checked ? [...list, f] : list.filter((x) => x !== f)))}
              label={t(`debrief.factorLabels.${f}`)}
            />
          ))}
        </Fieldset>
      </FormGroup>
      {area('debrief-factors-note', t('debrief.factorsNote'), factorsNote, setFactorsNote, undefined, true)}
      {area('debrief-addressed', t('debrief.addressed'), addressed, setAddressed, t('debrief.addressedHint'))}
      {area('debrief-experiences', t('debrief.experiences'), experiences, setExperiences, t('debrief.experiencesHint'))}
      <FormGroup error={!!errorFor('debrief-exploited')}>
        <Fieldset legend={t('debrief.exploited')} id="debrief-exploited">
          {errorFor('debrief-exploited') && <span className="usa-error-message">{errorFor('debrief-exploited')}</span>}
          {(['yes', 'no', 'unknown'] as const).map((v) => (
            <Radio
              key={v}
              id={`debrief-exploited-${v}`}
              name="exploitedWhileAbsent"
              value={v}
              checked={exploited === v}
              onChange={() => setExploited(v)}
              label={t(`debrief.exploitedOptions.${v}`)}
            />
          ))}
        </Fieldset>
      </FormGroup>
      {exploited === 'yes' && !typeRecorded && (
        <Field
          id="debrief-subcategory"
          label={t('debrief.subcategory')}
          hint={t('debrief.subcategoryHint')}
          error={errorFor('debrief-subcategory')}
        >
          {(describedBy) => (
            <TextInput
              id="debrief-subcategory"
              name="allegationSubcategory"
              type="text"
              maxLength={200}
              value={subcategory}
              validationStatus={errorFor('debrief-subcategory') ? 'error' : undefined}
              aria-describedby={describedBy}
              onChange={(e) => setSubcategory(e.target.value)}
            />
          )}
        </Field>
      )}
      {typeRecorded && <p>{t('debrief.typeRecorded')}</p>}
      <Field
        id="debrief-screening"
        label={t('debrief.screening')}
        hint={t('debrief.screeningHint')}
        error={errorFor('debrief-screening')}
      >
        {(describedBy) => (
          <Select
            id="debrief-screening"
            name="screeningId"
            value={screeningId}
            validationStatus={errorFor('debrief-screening') ? 'error' : undefined}
            aria-invalid={!!errorFor('debrief-screening') || undefined}
            aria-describedby={describedBy}
            onChange={(e) => setScreeningId(e.target.value)}
          >
            <option value="">{candidates.length ? t('common.choose') : t('debrief.noScreening')}</option>
            {candidates.map((s) => (
              <option key={s.id} value={s.id}>
                {t(s.status === 'final' ? 'debrief.screeningOption' : 'debrief.screeningDraftOption', {
                  when: formatCountyDateTime(s.administeredAt, language),
                })}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <p>
        <a
          className="usa-link"
          href={screeningPath}
          data-keeps-draft
          onClick={(e) => {
            e.preventDefault();
            // Keep what was typed: a draft on the server, then the screening (its reason chosen).
            if (!dirty) void navigate(screeningPath);
            else void save(false, () => void navigate(screeningPath));
          }}
        >
          {t('debrief.startScreening')}
        </a>
        {dirty && <span className="usa-hint display-block">{t('day.debrief.savedFirst')}</span>}
      </p>
      <div className="harbor-step-buttons">
        <Button type="submit" disabled={saving}>
          {saving ? t('forms.saving') : t('debrief.complete')}
        </Button>
        <Button type="button" outline disabled={saving} onClick={() => void save(false)}>
          {t('debrief.saveDraft')}
        </Button>
        <Button type="button" unstyled onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/**
 * Warns before unsaved text is lost: closing or reloading the tab (the browser's own prompt), and
 * following a link inside Harbor (a confirm). BrowserRouter has no navigation blocker, so links are
 * caught in the capture phase, before React Router's handler.
 */
export function useLeaveWarning(active: boolean, message: string) {
  useEffect(() => {
    if (!active) return;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    const click = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = (e.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.hasAttribute('data-keeps-draft'))
        return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      if (!window.confirm(message)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', click, true);
    };
  }, [active, message]);
}
