import { Button } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import type { FieldProblem } from '../components/ErrorSummary';
import { countyDate } from '../lib/format';
import type { OrgOption } from './ContractForm';
import { DateField, SelectField, TextField, useFormRun } from './formKit';
import type { FlagView as PerformanceFlag, IssueView as PerformanceIssue } from '../../contract/advocacy';
import { ISSUE_CATEGORIES, ISSUE_SEVERITIES } from '../../domain/advocacy';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Raises a performance issue about a CBO. */
export function IssueForm({
  orgs,
  onSaved,
  onCancel,
}: {
  orgs: OrgOption[];
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [v, setV] = useState({
    organizationId: '',
    raisedOn: countyDate(),
    category: '',
    severity: '',
    description: '',
    recommendation: '',
  });
  const set = (k: keyof typeof v) => (value: string) => setV((x) => ({ ...x, [k]: value }));
  const form = useFormRun();
  const check = () => {
    const list: FieldProblem[] = [];
    const need = (ok: boolean, f: string) => {
      if (!ok) list.push({ field: `issue-new-${f}`, message: t(`countyAdvocacy.issue.errors.${f}`) });
    };
    need(!!v.organizationId, 'organization');
    need(DAY.test(v.raisedOn), 'raisedOn');
    need(!!v.category, 'category');
    need(!!v.severity, 'severity');
    need(v.description.trim().length >= 3, 'description');
    need(v.recommendation.trim().length >= 3, 'recommendation');
    return list;
  };
  const send = async () => {
    await api('/api/advocacy/performance-issues', {
      method: 'POST',
      body: { ...v, description: v.description.trim(), recommendation: v.recommendation.trim() },
    });
    onSaved(t('countyAdvocacy.issue.saved'));
  };
  const err = (f: string) => form.errorFor(`issue-new-${f}`);
  return (
    <form
      className="usa-form usa-form--large harbor-wide-form"
      noValidate
      onSubmit={(e) => form.run(e, check, send)}
      aria-labelledby="issue-new-heading"
    >
      <h3 id="issue-new-heading">{t('countyAdvocacy.issue.heading')}</h3>
      {form.alerts(t('countyAdvocacy.issue.failed'))}
      <SelectField
        id="issue-new-organization"
        label={t('countyAdvocacy.organization')}
        error={err('organization')}
        value={v.organizationId}
        onChange={set('organizationId')}
        options={orgs.filter((o) => o.type === 'advocacy_cbo').map((o) => ({ value: o.id, label: o.name }))}
      />
      <DateField
        id="issue-new-raisedOn"
        label={t('countyAdvocacy.issue.raisedOn')}
        error={err('raisedOn')}
        value={v.raisedOn}
        onChange={set('raisedOn')}
      />
      <SelectField
        id="issue-new-category"
        label={t('countyAdvocacy.issue.category')}
        error={err('category')}
        value={v.category}
        onChange={set('category')}
        options={ISSUE_CATEGORIES.map((c) => ({ value: c, label: t(`countyAdvocacy.categories.${c}`) }))}
      />
      <SelectField
        id="issue-new-severity"
        label={t('countyAdvocacy.issue.severity')}
        error={err('severity')}
        value={v.severity}
        onChange={set('severity')}
        options={ISSUE_SEVERITIES.map((c) => ({ value: c, label: t(`countyAdvocacy.severities.${c}`) }))}
      />
      <TextField
        id="issue-new-description"
        multiline
        maxLength={5000}
        label={t('countyAdvocacy.issue.description')}
        error={err('description')}
        value={v.description}
        onChange={set('description')}
      />
      <TextField
        id="issue-new-recommendation"
        multiline
        maxLength={5000}
        label={t('countyAdvocacy.issue.recommendation')}
        error={err('recommendation')}
        value={v.recommendation}
        onChange={set('recommendation')}
      />
      <div className="harbor-step-buttons">
        <Button type="submit" disabled={form.saving}>
          {form.saving ? form.savingLabel : t('countyAdvocacy.issue.submit')}
        </Button>
        <Button type="button" unstyled onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** Moves an open issue to "in progress" (or back), or resolves it saying how. */
export function IssueUpdate({ issue, onSaved }: { issue: PerformanceIssue; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const [resolution, setResolution] = useState('');
  const [resolvedOn, setResolvedOn] = useState(() => countyDate());
  const status = useFormRun();
  const resolve = useFormRun();
  const id = `issue-${issue.id}`;
  const next = issue.status === 'open' ? 'in_progress' : 'open';
  const sendStatus = async () => {
    await api(`/api/advocacy/performance-issues/${encodeURIComponent(issue.id)}`, {
      method: 'PATCH',
      body: { version: issue.version, status: next },
    });
    onSaved(t('countyAdvocacy.issue.statusSaved'));
  };
  const checkResolve = () => {
    const list: FieldProblem[] = [];
    if (resolution.trim().length < 3)
      list.push({ field: `${id}-resolution`, message: t('countyAdvocacy.issue.errors.resolution') });
    if (!DAY.test(resolvedOn))
      list.push({ field: `${id}-resolvedOn`, message: t('countyAdvocacy.issue.errors.resolvedOn') });
    return list;
  };
  const sendResolve = async () => {
    await api(`/api/advocacy/performance-issues/${encodeURIComponent(issue.id)}/resolve`, {
      method: 'POST',
      body: { version: issue.version, resolution: resolution.trim(), resolvedOn },
    });
    onSaved(t('countyAdvocacy.issue.resolved'));
  };
  return (
    <div className="harbor-advocacy-steps">
      <form
        noValidate
        onSubmit={(e) => status.run(e, () => [], sendStatus)}
        aria-label={t(`countyAdvocacy.issue.markAs.${next}`)}
      >
        {status.alerts(t('countyAdvocacy.issue.failed'), 'h5')}
        <Button type="submit" outline disabled={status.saving}>
          {t(`countyAdvocacy.issue.markAs.${next}`)}
        </Button>
      </form>
      <form
        className="usa-form harbor-wide-form"
        noValidate
        onSubmit={(e) => resolve.run(e, checkResolve, sendResolve)}
        aria-labelledby={`${id}-resolve-heading`}
      >
        <h4 id={`${id}-resolve-heading`}>{t('countyAdvocacy.issue.resolveHeading')}</h4>
        {resolve.alerts(t('countyAdvocacy.issue.resolveFailed'), 'h5')}
        <TextField
          id={`${id}-resolution`}
          multiline
          maxLength={5000}
          label={t('countyAdvocacy.issue.resolution')}
          error={resolve.errorFor(`${id}-resolution`)}
          value={resolution}
          onChange={setResolution}
        />
        <DateField
          id={`${id}-resolvedOn`}
          label={t('countyAdvocacy.issue.resolvedOn')}
          error={resolve.errorFor(`${id}-resolvedOn`)}
          value={resolvedOn}
          onChange={setResolvedOn}
        />
        <Button type="submit" className="margin-top-2" disabled={resolve.saving}>
          {resolve.saving ? resolve.savingLabel : t('countyAdvocacy.issue.resolve')}
        </Button>
      </form>
    </div>
  );
}

/** An analyst confirms a candidate flag (it becomes an issue) or dismisses it with a note. */
export function FlagDecision({ flag, onSaved }: { flag: PerformanceFlag; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const [severity, setSeverity] = useState('');
  const [recommendation, setRecommendation] = useState('');
  const [note, setNote] = useState('');
  const confirm = useFormRun();
  const dismiss = useFormRun();
  const id = `flag-${flag.id}`;
  const checkConfirm = () => {
    const list: FieldProblem[] = [];
    if (!severity) list.push({ field: `${id}-severity`, message: t('countyAdvocacy.issue.errors.severity') });
    if (recommendation.trim().length < 3)
      list.push({ field: `${id}-recommendation`, message: t('countyAdvocacy.issue.errors.recommendation') });
    return list;
  };
  const sendConfirm = async () => {
    await api(`/api/advocacy/flags/${encodeURIComponent(flag.id)}/confirm`, {
      method: 'POST',
      body: { severity, recommendation: recommendation.trim() },
    });
    onSaved(t('countyAdvocacy.flags.confirmed'));
  };
  const checkDismiss = (): FieldProblem[] =>
    note.trim().length < 3 ? [{ field: `${id}-note`, message: t('countyAdvocacy.flags.errors.note') }] : [];
  const sendDismiss = async () => {
    await api(`/api/advocacy/flags/${encodeURIComponent(flag.id)}/dismiss`, {
      method: 'POST',
      body: { note: note.trim() },
    });
    onSaved(t('countyAdvocacy.flags.dismissed'));
  };
  return (
    <div className="harbor-advocacy-steps">
      <form
        className="usa-form harbor-wide-form"
        noValidate
        onSubmit={(e) => confirm.run(e, checkConfirm, sendConfirm)}
        aria-labelledby={`${id}-confirm-heading`}
      >
        <h4 id={`${id}-confirm-heading`}>{t('countyAdvocacy.flags.confirmHeading')}</h4>
        {confirm.alerts(t('countyAdvocacy.flags.failed'), 'h5')}
        <SelectField
          id={`${id}-severity`}
          label={t('countyAdvocacy.issue.severity')}
          error={confirm.errorFor(`${id}-severity`)}
          value={severity}
          onChange={setSeverity}
          options={ISSUE_SEVERITIES.map((c) => ({ value: c, label: t(`countyAdvocacy.severities.${c}`) }))}
        />
        <TextField
          id={`${id}-recommendation`}
          multiline
          maxLength={5000}
          label={t('countyAdvocacy.issue.recommendation')}
          error={confirm.errorFor(`${id}-recommendation`)}
          value={recommendation}
          onChange={setRecommendation}
        />
        <Button type="submit" className="margin-top-2" disabled={confirm.saving}>
          {t('countyAdvocacy.flags.confirm')}
        </Button>
      </form>
      <form
        className="usa-form harbor-wide-form"
        noValidate
        onSubmit={(e) => dismiss.run(e, checkDismiss, sendDismiss)}
        aria-labelledby={`${id}-dismiss-heading`}
      >
        <h4 id={`${id}-dismiss-heading`}>{t('countyAdvocacy.flags.dismissHeading')}</h4>
        {dismiss.alerts(t('countyAdvocacy.flags.failed'), 'h5')}
        <TextField
          id={`${id}-note`}
          multiline
          label={t('countyAdvocacy.flags.note')}
          error={dismiss.errorFor(`${id}-note`)}
          value={note}
          onChange={setNote}
        />
        <Button type="submit" secondary className="margin-top-2" disabled={dismiss.saving}>
          {t('countyAdvocacy.flags.dismiss')}
        </Button>
      </form>
    </div>
  );
}
