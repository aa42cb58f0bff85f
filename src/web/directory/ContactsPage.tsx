import { Button } from '@trussworks/react-uswds';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { ApiErrorView } from '../components/ApiErrorView';
import { Disclosure } from '../components/Disclosure';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { directoryPath } from '../lib/directory';
import { canManageContacts } from '../lib/roles';
import { useApi } from '../lib/useApi';
import { useActiveSession } from '../auth/SessionContext';
import type { ContactList, ContactView as DirectoryContact } from '../../contract/directory';
import { ContactForm } from './ContactForm';
import { PhoneLink } from './ProviderBits';

/** The county's CSEC contact list: the person to call in each agency. County administrators keep it. */
export function ContactsPage() {
  const { t } = useTranslation();
  const session = useActiveSession();
  const admin = canManageContacts(session);
  const { result, reload, refresh } = useApi<ContactList>('/api/directory/contacts');
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(null);
  const done = (text: string) => {
    setNotice({ text, n: (notice?.n ?? 0) + 1 });
    refresh();
  };

  if (result.status === 'error') return <ApiErrorView error={result.error} onRetry={reload} />;
  const contacts = result.status === 'ok' ? result.data.contacts : [];
  // The API has no list of the county's organizations; those on the list are the ones to choose from.
  const organizations = [
    ...new Map(contacts.map((c) => [c.organizationId, { id: c.organizationId, name: c.organizationName }])).values(),
  ];
  const groups = organizations.map((o) => ({ ...o, contacts: contacts.filter((c) => c.organizationId === o.id) }));

  return (
    <>
      <p className="margin-bottom-0">
        <Link className="usa-link" to={directoryPath()}>
          {t('provider.back')}
        </Link>
      </p>
      <PageHeading documentTitle={t('contacts.title')}>{t('contacts.title')}</PageHeading>
      <p className="usa-intro">{t('contacts.intro')}</p>
      {notice && <Notice key={notice.n}>{notice.text}</Notice>}
      {admin && result.status === 'ok' && (
        <Disclosure id="add-contact" label={t('contactForm.add')} open={adding} onToggle={setAdding}>
          <ContactForm
            organizations={organizations}
            onCancel={() => setAdding(false)}
            onReload={refresh}
            onSaved={(c) => {
              setAdding(false);
              done(t('contacts.added', { name: c.name }));
            }}
          />
        </Disclosure>
      )}
      {result.status === 'loading' ? (
        <Loading />
      ) : groups.length === 0 ? (
        <p className="harbor-timeline-empty">{t('contacts.none')}</p>
      ) : (
        groups.map((g) => (
          <section key={g.id} aria-labelledby={`org-${g.id}`} className="harbor-section">
            <h2 id={`org-${g.id}`}>{g.name}</h2>
            <ul className="harbor-contacts">
              {g.contacts.map((c) => (
                <ContactCard
                  key={`${c.id}:${c.version}`}
                  contact={c}
                  admin={admin}
                  organizations={organizations}
                  onChanged={done}
                  onReload={refresh}
                />
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}

interface CardProps {
  contact: DirectoryContact;
  admin: boolean;
  organizations: { id: string; name: string }[];
  onChanged: (text: string) => void;
  onReload: () => void;
}

function ContactCard({ contact: c, admin, organizations, onChanged, onReload }: CardProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const remove = async () => {
    setRemoving(true);
    setError(null);
    try {
      await api(`/api/directory/contacts/${encodeURIComponent(c.id)}`, { method: 'DELETE' });
      onChanged(t('contacts.removed', { name: c.name }));
    } catch (err) {
      setRemoving(false);
      setError(toActionError(err, (error?.attempt ?? 0) + 1));
    }
  };

  return (
    <li className="harbor-contact">
      <h3 className="harbor-contact__name">{c.name}</h3>
      {c.title && <p className="margin-y-05">{c.title}</p>}
      <dl className="harbor-provider__facts">
        {c.phone && (
          <div>
            <dt>{t('contactForm.phone')}</dt>
            <dd>
              <PhoneLink phone={c.phone} />
            </dd>
          </div>
        )}
        {c.email && (
          <div>
            <dt>{t('contactForm.email')}</dt>
            <dd>
              <a className="usa-link" href={`mailto:${c.email}`}>
                {c.email}
              </a>
            </dd>
          </div>
        )}
        {c.notes && (
          <div>
            <dt>{t('contactForm.notes')}</dt>
            <dd className="harbor-prewrap">{c.notes}</dd>
          </div>
        )}
      </dl>
      {admin && (
        <>
          {error && (
            <ActionErrorAlert
              key={error.attempt}
              error={error}
              heading={t('contacts.removeFailed')}
              headingLevel="h4"
              messageKeys={{ 403: 'directory.errors.forbidden', 404: 'directory.errors.notFound' }}
            />
          )}
          {confirming ? (
            <div
              ref={confirmRef}
              tabIndex={-1}
              className="harbor-confirm harbor-focus-target"
              role="group"
              aria-labelledby={`confirm-${c.id}`}
            >
              <p id={`confirm-${c.id}`} className="margin-top-0 text-bold">
                {t('contacts.confirmRemove', { name: c.name })}
              </p>
              <div className="harbor-step-buttons margin-top-1">
                <Button type="button" secondary disabled={removing} onClick={() => void remove()}>
                  {removing ? t('contacts.removing') : t('contacts.confirmYes')}
                </Button>
                <Button
                  type="button"
                  unstyled
                  onClick={() => {
                    setConfirming(false);
                    window.setTimeout(() => removeButton.current?.focus(), 0);
                  }}
                >
                  {t('common.cancel')}
                </Button>
              </div>
            </div>
          ) : (
            <div className="harbor-contact__actions">
              <Disclosure
                id={`edit-contact-${c.id}`}
                label={t('contacts.edit', { name: c.name })}
                open={editing}
                onToggle={setEditing}
              >
                <ContactForm
                  contact={c}
                  organizations={organizations}
                  onCancel={() => setEditing(false)}
                  onReload={onReload}
                  onSaved={(saved) => {
                    setEditing(false);
                    onChanged(t('contacts.saved', { name: saved.name }));
                  }}
                />
              </Disclosure>
              {!editing && (
                <Button
                  ref={removeButton}
                  type="button"
                  unstyled
                  className="harbor-contact__remove"
                  onClick={() => setConfirming(true)}
                >
                  {t('contacts.remove', { name: c.name })}
                </Button>
              )}
            </div>
          )}
        </>
      )}
    </li>
  );
}
