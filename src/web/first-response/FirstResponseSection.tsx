import { Button, TextInput } from '@trussworks/react-uswds';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { DataTable } from '../components/DataTable';
import { DateTimeInput } from '../components/DateTimeInput';
import { Disclosure } from '../components/Disclosure';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { HiddenForRoleNote } from '../components/HiddenForRoleNote';
import { Notice } from '../components/Notice';
import { ProfileSection, SectionStatus } from '../components/ProfileSection';
import { countyDateTimeInput, countyInputToIso, formatCountyDateTime, formatDuration } from '../lib/format';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import { useNow } from '../lib/useNow';
import { can } from '../lib/roles';
import { useActiveSession } from '../auth/SessionContext';
import type { YouthView } from '../../contract/youth';
import { EncounterForm } from './EncounterForm';
import type {
  ArrivalView as Arrival,
  EncounterList as EncountersResponse,
  EncounterView as Encounter,
} from '../../contract/first-response';
import type { Organization, OrganizationList } from '../../contract/people';
import { arrivalState } from './arrivalState';

type Say = (text: string) => void;

/** The First Responder Protocol on the youth's record: each encounter, every agency's arrival, the 72-hour health evaluation. */
export function FirstResponseSection({ youth }: { youth: YouthView }) {
  const { t } = useTranslation();
  return (
    <ProfileSection headingId="first-response-heading" heading={t('firstResponse.heading')}>
      {youth.hiddenCategories.includes('exploitation') ? (
        <HiddenForRoleNote messageKey="firstResponse.hiddenForRole" />
      ) : (
        <Loaded youth={youth} />
      )}
    </ProfileSection>
  );
}

function Loaded({ youth }: { youth: YouthView }) {
  const list = useApi<EncountersResponse>(`/api/youth/${encodeURIComponent(youth.id)}/first-response`);
  const orgs = useApi<OrganizationList>('/api/organizations');
  if (list.result.status === 'ok' && orgs.result.status === 'ok') {
    return (
      <Body
        youth={youth}
        data={list.result.data}
        organizations={orgs.result.data.organizations}
        onChanged={list.refresh}
      />
    );
  }
  return (
    <SectionStatus
      results={[list.result, orgs.result]}
      hiddenKey="firstResponse.hiddenForRole"
      onRetry={() => {
        list.reload();
        orgs.reload();
      }}
    />
  );
}

function Body({
  youth,
  data,
  organizations,
  onChanged,
}: {
  youth: YouthView;
  data: EncountersResponse;
  organizations: Organization[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const session = useActiveSession();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(null);
  const say: Say = (text) => setNotice((n) => ({ text, n: (n?.n ?? 0) + 1 }));
  const canEdit = youth.permissions.canEdit;
  const canWrite = canEdit && can(session, 'first_response.record');
  const canMeet = canEdit && can(session, 'obligations.meet');
  return (
    <>
      <p>{t('firstResponse.intro', { minutes: data.targetMinutes })}</p>
      {notice && <Notice key={notice.n}>{notice.text}</Notice>}
      {data.encounters.length === 0 ? (
        <p>{t('firstResponse.none')}</p>
      ) : (
        <ul className="usa-list usa-list--unstyled">
          {data.encounters.map((e) => (
            <EncounterItem
              key={e.id}
              youthId={youth.id}
              encounter={e}
              target={data.targetMinutes}
              canWrite={canWrite}
              canMeet={canMeet}
              say={say}
              onChanged={onChanged}
            />
          ))}
        </ul>
      )}
      {canWrite && (
        <Disclosure id="fr-form" label={t('firstResponse.record')} open={open} onToggle={setOpen}>
          <EncounterForm
            youthId={youth.id}
            organizations={organizations}
            onCancel={() => setOpen(false)}
            onSaved={(count) => {
              setOpen(false);
              say(t('firstResponse.saved', { count }));
              onChanged();
            }}
          />
        </Disclosure>
      )}
    </>
  );
}

interface ItemProps {
  youthId: string;
  encounter: Encounter;
  target: number;
  canWrite: boolean;
  canMeet: boolean;
  say: Say;
  onChanged: () => void;
}

function EncounterItem({ youthId, encounter: e, target, canWrite, canMeet, say, onChanged }: ItemProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const now = useNow();
  const headingId = `fr-encounter-${e.id}`;
  const when = (iso: string) => formatCountyDateTime(iso, language);
  const where = [
    t(`firstResponse.locationTypes.${e.locationType}`, { defaultValue: e.locationType }),
    e.spaNumber !== null ? t('firstResponse.spaValue', { n: e.spaNumber }) : null,
    e.streetAddress ?? null,
  ]
    .filter(Boolean)
    .join(', ');
  const status = (a: Arrival) => {
    const state = arrivalState(a, e.hotlineCalledAt, target, now);
    const minutes = a.minutesFromCall === null ? '' : formatDuration(a.minutesFromCall, language);
    return (
      <span className={`harbor-arrival harbor-arrival--${state}`}>
        <strong>{t(`firstResponse.arrivalStates.${state}`)}</strong>
        {a.arrivedAt && <> {t('firstResponse.arrivedAfter', { duration: minutes, when: when(a.arrivedAt) })}</>}
      </span>
    );
  };
  return (
    <li className="harbor-mdt-meeting margin-bottom-3">
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="margin-bottom-1">
          {t('firstResponse.encounterTitle', { when: when(e.foundAt) })}
        </h3>
        <dl className="harbor-provider__facts">
          <div>
            <dt>{t('firstResponse.foundBy')}</dt>
            <dd>{t('firstResponse.foundByValue', { name: e.foundBy.name, organization: e.foundBy.organization })}</dd>
          </div>
          <div>
            <dt>{t('firstResponse.where')}</dt>
            <dd>{where}</dd>
          </div>
          <div>
            <dt>{t('firstResponse.hotline')}</dt>
            <dd>
              {e.hotlineReference
                ? t('firstResponse.hotlineValueRef', { when: when(e.hotlineCalledAt), reference: e.hotlineReference })
                : when(e.hotlineCalledAt)}
            </dd>
          </div>
          <div>
            <dt>{t('firstResponse.advocate')}</dt>
            <dd>
              {e.advocate
                ? e.advocate.dispatchedAt
                  ? t('firstResponse.advocateValue', {
                      organization: e.advocate.organization,
                      when: when(e.advocate.dispatchedAt),
                    })
                  : e.advocate.organization
                : t('firstResponse.noAdvocate')}
            </dd>
          </div>
          <div>
            <dt>{t('firstResponse.wentTo')}</dt>
            <dd>{e.youthWentTo ?? t('firstResponse.notRecorded')}</dd>
          </div>
        </dl>
        <h4>{t('firstResponse.agenciesHeading', { minutes: target })}</h4>
        {e.arrivals.length === 0 ? (
          <p>{t('firstResponse.noAgencies')}</p>
        ) : (
          <DataTable
            caption={t('firstResponse.agenciesCaption', { when: when(e.foundAt) })}
            rowKey={(a) => a.organizationId}
            rows={e.arrivals}
            columns={[
              { key: 'agency', header: t('firstResponse.agency'), cell: (a) => a.organization },
              { key: 'notified', header: t('firstResponse.notifiedAt'), cell: (a) => when(a.notifiedAt) },
              {
                key: 'status',
                header: t('firstResponse.arrival'),
                cell: (a) => (
                  <>
                    {status(a)}
                    {!a.arrivedAt && canWrite && (
                      <ArrivalForm youthId={youthId} encounterId={e.id} arrival={a} say={say} onChanged={onChanged} />
                    )}
                  </>
                ),
              },
            ]}
          />
        )}
        <HealthEvaluation youthId={youthId} encounter={e} canMeet={canMeet} now={now} say={say} onChanged={onChanged} />
      </article>
    </li>
  );
}

function ArrivalForm({
  youthId,
  encounterId,
  arrival,
  say,
  onChanged,
}: {
  youthId: string;
  encounterId: string;
  arrival: Arrival;
  say: Say;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(() => countyDateTimeInput());
  const [problem, setProblem] = useState<{ message: string; attempt: number } | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [saving, setSaving] = useState(false);
  const attempt = useRef(0);
  const id = `fr-arrival-${encounterId}-${arrival.organizationId}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    attempt.current += 1;
    setError(null);
    const iso = countyInputToIso(value);
    const message = !iso
      ? t('firstResponse.errors.arrivalAt')
      : new Date(iso).getTime() > Date.now() + 60_000
        ? t('firstResponse.errors.future')
        : iso < arrival.notifiedAt
          ? t('firstResponse.errors.arrivalBeforeNotified')
          : null;
    if (message || !iso) {
      setProblem({ message: message ?? '', attempt: attempt.current });
      return;
    }
    setProblem(null);
    setSaving(true);
    try {
      await api(
        `/api/youth/${encodeURIComponent(youthId)}/first-response/${encodeURIComponent(encounterId)}/arrivals/${encodeURIComponent(arrival.organizationId)}`,
        {
          method: 'POST',
          body: { arrivedAt: iso },
        },
      );
      setOpen(false);
      say(t('firstResponse.arrivalSaved', { organization: arrival.organization }));
      onChanged();
    } catch (err) {
      setError(toActionError(err, attempt.current));
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="margin-top-1">
      <Disclosure
        id={`${id}-form`}
        label={t('firstResponse.recordArrival', { organization: arrival.organization })}
        open={open}
        onToggle={setOpen}
      >
        <form
          className="usa-form"
          noValidate
          onSubmit={(e) => void submit(e)}
          aria-label={t('firstResponse.recordArrival', { organization: arrival.organization })}
        >
          {problem && (
            <ErrorSummary
              key={problem.attempt}
              problems={[{ field: id, message: problem.message }]}
              headingLevel="h5"
            />
          )}
          {error && (
            <ActionErrorAlert
              key={error.attempt}
              error={error}
              heading={t('firstResponse.arrivalFailed')}
              headingLevel="h5"
            />
          )}
          <Field
            id={id}
            label={t('firstResponse.arrivedAtFor', { organization: arrival.organization })}
            hint={t('forms.countyTimeHint')}
            error={problem?.message}
          >
            {(d) => (
              <DateTimeInput
                id={id}
                name="arrivedAt"
                kind="datetime-local"
                value={value}
                invalid={!!problem}
                aria-describedby={d}
                onChange={(e) => setValue(e.target.value)}
              />
            )}
          </Field>
          <div className="harbor-step-buttons">
            <Button type="submit" disabled={saving}>
              {saving ? t('forms.saving') : t('firstResponse.saveArrival')}
            </Button>
            <Button type="button" unstyled onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      </Disclosure>
    </div>
  );
}

function HealthEvaluation({
  youthId,
  encounter: e,
  canMeet,
  now,
  say,
  onChanged,
}: {
  youthId: string;
  encounter: Encounter;
  canMeet: boolean;
  now: number;
  say: Say;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const h = e.healthEvaluation;
  const done = e.healthEvaluationAt;
  let text: string;
  let state: 'met' | 'due' | 'overdue' | 'waived' | 'none';
  if (done) {
    state = 'met';
    text = h?.provider
      ? t('firstResponse.healthDoneBy', { when: formatCountyDateTime(done, language), provider: h.provider })
      : t('firstResponse.healthDone', { when: formatCountyDateTime(done, language) });
  } else if (!h) {
    state = 'none';
    text = t('firstResponse.healthNone');
  } else if (h.status === 'waived') {
    state = 'waived';
    text = t('firstResponse.healthWaived');
  } else {
    state = h.status === 'missed' || new Date(h.dueAt).getTime() <= now ? 'overdue' : 'due';
    text = t(state === 'overdue' ? 'firstResponse.healthOverdue' : 'firstResponse.healthDue', {
      when: formatCountyDateTime(h.dueAt, language),
    });
  }
  const canRecord = canMeet && h && (state === 'due' || state === 'overdue');
  return (
    <>
      <h4>{t('firstResponse.healthHeading')}</h4>
      <p className={`harbor-health harbor-health--${state}`}>{text}</p>
      {canRecord && (
        <Disclosure
          id={`fr-health-${e.id}`}
          label={t('firstResponse.recordHealth')}
          open={open}
          onToggle={setOpen}
          outline={state !== 'overdue'}
        >
          <HealthForm
            youthId={youthId}
            obligationId={h.obligationId}
            formId={`fr-health-${e.id}`}
            onCancel={() => setOpen(false)}
            onSaved={() => {
              setOpen(false);
              say(t('firstResponse.healthSaved'));
              onChanged();
            }}
          />
        </Disclosure>
      )}
    </>
  );
}

function HealthForm({
  youthId,
  obligationId,
  formId,
  onSaved,
  onCancel,
}: {
  youthId: string;
  obligationId: string;
  formId: string;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [when, setWhen] = useState(() => countyDateTimeInput());
  const [provider, setProvider] = useState('');
  const [problems, setProblems] = useState<{ list: FieldProblem[]; attempt: number } | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [saving, setSaving] = useState(false);
  const attempt = useRef(0);
  const whenId = `${formId}-at`;
  const providerId = `${formId}-by`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    attempt.current += 1;
    setError(null);
    const iso = countyInputToIso(when);
    const list: FieldProblem[] = [];
    if (!iso) list.push({ field: whenId, message: t('firstResponse.errors.healthAt') });
    else if (new Date(iso).getTime() > Date.now() + 60_000)
      list.push({ field: whenId, message: t('firstResponse.errors.future') });
    if (provider.trim().length < 2) list.push({ field: providerId, message: t('firstResponse.errors.healthBy') });
    if (list.length || !iso) {
      setProblems({ list, attempt: attempt.current });
      return;
    }
    setProblems(null);
    setSaving(true);
    try {
      await api(`/api/youth/${encodeURIComponent(youthId)}/obligations/${encodeURIComponent(obligationId)}/meet`, {
        method: 'POST',
        body: { completedAt: iso, provider: provider.trim() },
      });
      onSaved();
    } catch (err) {
      setSaving(false);
      setError(toActionError(err, attempt.current));
    }
  };
  const errorFor = (field: string) => problems?.list.find((p) => p.field === field)?.message;
  return (
    <form className="usa-form" noValidate onSubmit={(e) => void submit(e)} aria-label={t('firstResponse.recordHealth')}>
      {problems && <ErrorSummary key={problems.attempt} problems={problems.list} headingLevel="h5" />}
      {error && (
        <ActionErrorAlert
          key={error.attempt}
          error={error}
          heading={t('firstResponse.healthFailed')}
          headingLevel="h5"
        />
      )}
      <Field id={whenId} label={t('firstResponse.healthAt')} hint={t('forms.countyTimeHint')} error={errorFor(whenId)}>
        {(d) => (
          <DateTimeInput
            id={whenId}
            name="completedAt"
            kind="datetime-local"
            value={when}
            invalid={!!errorFor(whenId)}
            aria-describedby={d}
            onChange={(e) => setWhen(e.target.value)}
          />
        )}
      </Field>
      <Field id={providerId} label={t('firstResponse.healthBy')} error={errorFor(providerId)}>
        {(d) => (
          <TextInput
            id={providerId}
            name="provider"
            type="text"
            maxLength={200}
            value={provider}
            validationStatus={errorFor(providerId) ? 'error' : undefined}
            aria-invalid={!!errorFor(providerId) || undefined}
            aria-describedby={d}
            onChange={(e) => setProvider(e.target.value)}
          />
        )}
      </Field>
      <div className="harbor-step-buttons">
        <Button type="submit" disabled={saving}>
          {saving ? t('forms.saving') : t('firstResponse.saveHealth')}
        </Button>
        <Button type="button" unstyled onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
