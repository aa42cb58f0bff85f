import { useTranslation } from 'react-i18next';
import { DetailList, type Detail } from '../components/DetailList';
import { NotRecorded } from '../components/NotRecorded';
import type { YouthView } from '../../contract/youth';

export function ContactSection({ youth }: { youth: YouthView }) {
  const { t } = useTranslation();
  if (youth.phone === undefined && youth.email === undefined) return null;
  const items: Detail[] = [];
  if (youth.phone !== undefined) {
    items.push({
      key: 'phone',
      label: t('profile.fields.phone'),
      value: youth.phone ? (
        <a className="usa-link" href={`tel:${youth.phone.replace(/[^\d+]/g, '')}`}>
          {youth.phone}
        </a>
      ) : (
        <NotRecorded />
      ),
    });
  }
  if (youth.email !== undefined) {
    items.push({
      key: 'email',
      label: t('profile.fields.email'),
      value: youth.email ? (
        <a className="usa-link" href={`mailto:${youth.email}`}>
          {youth.email}
        </a>
      ) : (
        <NotRecorded />
      ),
    });
  }
  return (
    <section aria-labelledby="contact-heading" className="harbor-section">
      <h2 id="contact-heading">{t('profile.contact')}</h2>
      <DetailList items={items} />
    </section>
  );
}
