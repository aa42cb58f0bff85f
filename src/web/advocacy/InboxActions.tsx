import { Button } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { Disclosure } from '../components/Disclosure';
import type { FieldProblem } from '../components/ErrorSummary';
import { formatList } from '../lib/format';
import { useLanguage } from '../lib/useLanguage';
import { SelectField, TextField, useFormRun, vettingGapText } from './formKit';
import type { AdvocateVetting, ReferralView as AdvocacyReferral } from '../../contract/advocacy';
import { DECLINE_REASONS } from '../../domain/advocacy';

const path = (r: AdvocacyReferral, step: string) => `/api/advocacy/referrals/${encodeURIComponent(r.id)}/${step}`;

/** Accepting or declining a referral that is still "sent". */
export function DecideReferral({
  referral,
  onSaved,
}: {
  referral: AdvocacyReferral;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [declining, setDeclining] = useState(false);
  const accept = useFormRun();
  const id = `advocacy-accept-${referral.id}`;
  const send = async () => {
    await api(path(referral, 'accept'), { method: 'POST', body: { version: referral.version } });
    onSaved(t('cboView.accept.saved'));
  };
  return (
    <div className="harbor-advocacy-steps">
      <form noValidate onSubmit={(e) => accept.run(e, () => [], send)} aria-labelledby={`${id}-heading`}>
        <h4 id={`${id}-heading`} className="usa-sr-only">
          {t('cboView.accept.heading')}
        </h4>
        {accept.alerts(t('cboView.accept.failed'), 'h5')}
        <Button type="submit" disabled={accept.saving}>
          {accept.saving ? accept.savingLabel : t('cboView.accept.submit')}
        </Button>
      </form>
      <Disclosure
        id={`advocacy-decline-box-${referral.id}`}
        label={t('cboView.decline.open')}
        open={declining}
        onToggle={setDeclining}
      >
        <DeclineForm referral={referral} onSaved={onSaved} onCancel={() => setDeclining(false)} />
      </Disclosure>
    </div>
  );
}

function DeclineForm({
  referral,
  onSaved,
  onCancel,
}: {
  referral: AdvocacyReferral;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const form = useFormRun();
  const id = `advocacy-decline-${referral.id}`;
  const check = (): FieldProblem[] =>
    reason ? [] : [{ field: `${id}-reason`, message: t('cboView.decline.errors.reason') }];
  const send = async () => {
    await api(path(referral, 'decline'), {
      method: 'POST',
      body: { version: referral.version, reason, ...(note.trim() ? { note: note.trim() } : {}) },
    });
    onSaved(t('cboView.decline.saved'));
  };
  return (
    <form
      className="usa-form harbor-wide-form"
      noValidate
      onSubmit={(e) => form.run(e, check, send)}
      aria-labelledby={`${id}-heading`}
    >
      <h4 id={`${id}-heading`}>{t('cboView.decline.heading')}</h4>
      {form.alerts(t('cboView.decline.failed'), 'h5')}
      <SelectField
        id={`${id}-reason`}
        label={t('cboView.decline.reason')}
        error={form.errorFor(`${id}-reason`)}
        value={reason}
        onChange={setReason}
        options={DECLINE_REASONS.map((r) => ({ value: r, label: t(`advocacy.declineReasons.${r}`) }))}
      />
      <TextField
        id={`${id}-note`}
        multiline
        optional
        label={t('cboView.decline.note')}
        value={note}
        onChange={setNote}
      />
      <div className="harbor-step-buttons">
        <Button type="submit" secondary disabled={form.saving}>
          {form.saving ? form.savingLabel : t('cboView.decline.submit')}
        </Button>
        <Button type="button" unstyled onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/**
 * Assigning an advocate to an accepted referral. The picker lists the organization's advocates
 * with what each lacks today; the API decides, and when it refuses every gap it names is listed.
 * An advocate without the roster (not an administrator) can assign themself.
 */
export function AssignAdvocate({
  referral,
  roster,
  self,
  onSaved,
}: {
  referral: AdvocacyReferral;
  roster: AdvocateVetting[] | null;
  self: { id: string; name: string };
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = `advocacy-assign-${referral.id}`;
  const [advocate, setAdvocate] = useState(roster ? '' : self.id);
  const form = useFormRun({ gapField: `${id}-advocate` });
  const options = roster
    ? roster.map((a) => ({
        value: a.userId,
        label: a.cleared
          ? a.name
          : t('cboView.assign.notClearedOption', {
              name: a.name,
              gaps: formatList(
                a.gapItems.map((g) => vettingGapText(t, g)),
                language,
              ),
            }),
      }))
    : [{ value: self.id, label: t('cboView.assign.myself', { name: self.name }) }];
  const check = (): FieldProblem[] =>
    advocate ? [] : [{ field: `${id}-advocate`, message: t('cboView.assign.errors.advocate') }];
  const send = async () => {
    const saved = await api<AdvocacyReferral>(path(referral, 'assign'), {
      method: 'POST',
      body: { version: referral.version, advocateUserId: advocate },
    });
    onSaved(t('cboView.assign.saved', { name: saved.advocate ?? '' }));
  };
  return (
    <form
      className="usa-form harbor-wide-form"
      noValidate
      onSubmit={(e) => form.run(e, check, send)}
      aria-labelledby={`${id}-heading`}
    >
      <h4 id={`${id}-heading`}>{t('cboView.assign.heading')}</h4>
      {form.alerts(t('cboView.assign.failed'), 'h5')}
      <SelectField
        id={`${id}-advocate`}
        label={t('cboView.assign.advocate')}
        hint={t('cboView.assign.hint')}
        error={form.errorFor(`${id}-advocate`)}
        value={advocate}
        onChange={setAdvocate}
        options={options}
      />
      <Button type="submit" className="margin-top-2" disabled={form.saving}>
        {form.saving ? form.savingLabel : t('cboView.assign.submit')}
      </Button>
    </form>
  );
}
