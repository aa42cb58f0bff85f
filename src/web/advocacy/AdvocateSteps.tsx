import { Button } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { Disclosure } from '../components/Disclosure';
import type { FieldProblem } from '../components/ErrorSummary';
import { countyDateTimeInput, countyInputToIso, formatCountyDay } from '../lib/format';
import { pick } from '../lib/localized';
import { useLanguage } from '../lib/useLanguage';
import { Loading } from '../components/Loading';
import { useApi } from '../lib/useApi';
import type { ReferralView as AdvocacyReferral } from '../../contract/advocacy';
import type { ServiceEpisodeList as ServiceEpisodesResponse } from '../../contract/services';
import { CLOSE_REASONS, MILESTONE_KINDS, MILESTONE_SERVICE } from '../../domain/advocacy';
import { DateField, SelectField, TextField, useFormRun } from './formKit';

const base = (r: AdvocacyReferral) =>
  `/api/youth/${encodeURIComponent(r.youthId)}/advocacy-referrals/${encodeURIComponent(r.id)}`;

/**
 * "When" must be a county date-time, not in the future. Left at its default (this minute), it is
 * not sent: the server then takes the exact time, which a minute-precise box would put before
 * a step recorded seconds earlier.
 */
function whenProblem(
  value: string,
  initial: string,
  field: string,
  t: (k: string) => string,
): { iso: string | undefined; problems: FieldProblem[] } {
  if (value === initial) return { iso: undefined, problems: [] };
  const iso = countyInputToIso(value) ?? undefined;
  if (!iso) return { iso, problems: [{ field, message: t('advocacy.errors.when') }] };
  if (new Date(iso).getTime() > Date.now() + 60_000)
    return { iso, problems: [{ field, message: t('advocacy.errors.future') }] };
  return { iso, problems: [] };
}

/** A lifecycle step with only a time: first contact, or that the youth engaged. */
export function StepForm({
  referral,
  step,
  onSaved,
}: {
  referral: AdvocacyReferral;
  step: 'first-contact' | 'engaged';
  onSaved: (r: AdvocacyReferral) => void;
}) {
  const { t } = useTranslation();
  const [initialAt] = useState(() => countyDateTimeInput());
  const [at, setAt] = useState(initialAt);
  const form = useFormRun();
  const id = `advocacy-${step}-${referral.id}`;
  const headingId = `${id}-heading`;
  let iso: string | undefined;
  const check = () => {
    const w = whenProblem(at, initialAt, `${id}-at`, t);
    iso = w.iso;
    return w.problems;
  };
  const send = async () =>
    onSaved(
      await api<AdvocacyReferral>(`${base(referral)}/${step}`, {
        method: 'POST',
        body: { version: referral.version, at: iso },
      }),
    );
  return (
    <form
      className="usa-form harbor-wide-form"
      noValidate
      onSubmit={(e) => form.run(e, check, send)}
      aria-labelledby={headingId}
    >
      <h4 id={headingId}>{t(`advocacy.steps.${step}.heading`)}</h4>
      {form.alerts(t(`advocacy.steps.${step}.failed`), 'h5')}
      <DateField
        id={`${id}-at`}
        kind="datetime-local"
        label={t(`advocacy.steps.${step}.at`)}
        error={form.errorFor(`${id}-at`)}
        value={at}
        onChange={setAt}
      />
      <Button type="submit" className="margin-top-2" disabled={form.saving}>
        {form.saving ? form.savingLabel : t(`advocacy.steps.${step}.submit`)}
      </Button>
    </form>
  );
}

/** An engagement milestone; a link to a service names one of the youth's service episodes. */
export function MilestoneForm({
  referral,
  services,
  onSaved,
}: {
  referral: AdvocacyReferral;
  /** The contract's services, when known: only their milestones are offered. */
  services: readonly string[] | null;
  onSaved: (r: AdvocacyReferral) => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState('');
  const [initialAt] = useState(() => countyDateTimeInput());
  const [at, setAt] = useState(initialAt);
  const [episode, setEpisode] = useState('');
  const [note, setNote] = useState('');
  const form = useFormRun();
  const id = `advocacy-milestone-${referral.id}`;
  const kinds = MILESTONE_KINDS.filter((k) => !services || services.includes(MILESTONE_SERVICE[k]));
  let iso: string | undefined;
  const check = () => {
    const list: FieldProblem[] = [];
    if (!kind) list.push({ field: `${id}-kind`, message: t('advocacy.milestone.errors.kind') });
    const w = whenProblem(at, initialAt, `${id}-at`, t);
    iso = w.iso;
    list.push(...w.problems);
    if (kind === 'linked_to_service' && !episode)
      list.push({ field: `${id}-episode`, message: t('advocacy.milestone.errors.episode') });
    return list;
  };
  const send = async () => {
    const body = {
      kind,
      at: iso,
      ...(kind === 'linked_to_service' ? { serviceEpisodeId: episode } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    onSaved(await api<AdvocacyReferral>(`${base(referral)}/milestones`, { method: 'POST', body }));
  };
  const headingId = `${id}-heading`;
  return (
    <form
      className="usa-form harbor-wide-form"
      noValidate
      onSubmit={(e) => form.run(e, check, send)}
      aria-labelledby={headingId}
    >
      <h4 id={headingId}>{t('advocacy.milestone.heading')}</h4>
      {form.alerts(t('advocacy.milestone.failed'), 'h5')}
      <SelectField
        id={`${id}-kind`}
        label={t('advocacy.milestone.kind')}
        error={form.errorFor(`${id}-kind`)}
        value={kind}
        onChange={setKind}
        options={kinds.map((k) => ({ value: k, label: t(`advocacy.milestoneKinds.${k}`) }))}
      />
      <DateField
        id={`${id}-at`}
        kind="datetime-local"
        label={t('advocacy.milestone.at')}
        error={form.errorFor(`${id}-at`)}
        value={at}
        onChange={setAt}
      />
      {kind === 'linked_to_service' && (
        <EpisodePicker
          youthId={referral.youthId}
          id={`${id}-episode`}
          error={form.errorFor(`${id}-episode`)}
          value={episode}
          onChange={setEpisode}
        />
      )}
      <TextField
        id={`${id}-note`}
        multiline
        optional
        label={t('advocacy.milestone.note')}
        value={note}
        onChange={setNote}
      />
      <Button type="submit" className="margin-top-2" disabled={form.saving}>
        {form.saving ? form.savingLabel : t('advocacy.milestone.submit')}
      </Button>
    </form>
  );
}

/** The youth's service episodes, read when the picker appears (a service may just have been recorded). */
function EpisodePicker({
  youthId,
  id,
  error,
  value,
  onChange,
}: {
  youthId: string;
  id: string;
  error?: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { result } = useApi<ServiceEpisodesResponse>(`/api/youth/${encodeURIComponent(youthId)}/services`);
  if (result.status === 'loading') return <Loading />;
  const episodes = result.status === 'ok' ? result.data.episodes : [];
  return (
    <SelectField
      id={id}
      label={t('advocacy.milestone.episode')}
      hint={
        result.status === 'error'
          ? t('advocacy.milestone.episodesFailed')
          : episodes.length
            ? t('advocacy.milestone.episodeHint')
            : t('advocacy.milestone.noEpisodes')
      }
      error={error}
      value={value}
      onChange={onChange}
      options={episodes.map((e) => ({
        value: e.id,
        label: t('advocacy.milestone.episodeOption', {
          service: pick(e.service.name, language),
          provider: e.provider?.name ?? t('advocacy.milestone.noProvider'),
          date: formatCountyDay(e.referredAt, language),
          status: t(`serviceStatuses.${e.status}`, { defaultValue: e.status }),
        }),
      }))}
    />
  );
}

/** Closing the referral, with the reason; the advocate's access to the record ends with it. */
export function CloseForm({
  referral,
  path,
  onSaved,
  onCancel,
}: {
  referral: AdvocacyReferral;
  path: string;
  onSaved: (r: AdvocacyReferral) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [initialAt] = useState(() => countyDateTimeInput());
  const [at, setAt] = useState(initialAt);
  const form = useFormRun();
  const id = `advocacy-close-${referral.id}`;
  let iso: string | undefined;
  const check = () => {
    const list: FieldProblem[] = [];
    if (!reason) list.push({ field: `${id}-reason`, message: t('advocacy.close.errors.reason') });
    const w = whenProblem(at, initialAt, `${id}-at`, t);
    iso = w.iso;
    list.push(...w.problems);
    return list;
  };
  const send = async () =>
    onSaved(
      await api<AdvocacyReferral>(path, {
        method: 'POST',
        body: { version: referral.version, at: iso, reason, ...(note.trim() ? { note: note.trim() } : {}) },
      }),
    );
  const headingId = `${id}-heading`;
  return (
    <form
      className="usa-form harbor-wide-form"
      noValidate
      onSubmit={(e) => form.run(e, check, send)}
      aria-labelledby={headingId}
    >
      <h4 id={headingId}>{t('advocacy.close.heading')}</h4>
      <p className="usa-hint">{t('advocacy.close.hint')}</p>
      {form.alerts(t('advocacy.close.failed'), 'h5')}
      <SelectField
        id={`${id}-reason`}
        label={t('advocacy.close.reason')}
        error={form.errorFor(`${id}-reason`)}
        value={reason}
        onChange={setReason}
        options={CLOSE_REASONS.map((r) => ({ value: r, label: t(`advocacy.closeReasons.${r}`) }))}
      />
      <TextField
        id={`${id}-note`}
        multiline
        optional
        label={t('advocacy.close.note')}
        value={note}
        onChange={setNote}
      />
      <DateField
        id={`${id}-at`}
        kind="datetime-local"
        label={t('advocacy.close.at')}
        error={form.errorFor(`${id}-at`)}
        value={at}
        onChange={setAt}
      />
      <div className="harbor-step-buttons">
        <Button type="submit" secondary disabled={form.saving}>
          {form.saving ? form.savingLabel : t('advocacy.close.submit')}
        </Button>
        <Button type="button" unstyled onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** The close form behind a button. */
export function CloseDisclosure({
  referral,
  path,
  onSaved,
}: {
  referral: AdvocacyReferral;
  path: string;
  onSaved: (r: AdvocacyReferral) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Disclosure
      id={`advocacy-close-box-${referral.id}`}
      label={t('advocacy.close.open')}
      open={open}
      onToggle={setOpen}
    >
      <CloseForm
        referral={referral}
        path={path}
        onSaved={(r) => {
          setOpen(false);
          onSaved(r);
        }}
        onCancel={() => setOpen(false)}
      />
    </Disclosure>
  );
}

export const youthClosePath = (r: AdvocacyReferral) => `${base(r)}/close`;
