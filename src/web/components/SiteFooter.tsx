import { GridContainer } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="usa-footer usa-footer--slim harbor-footer">
      <GridContainer>
        <p className="margin-y-2 font-body-2xs">{t('footer.confidential')}</p>
      </GridContainer>
    </footer>
  );
}
