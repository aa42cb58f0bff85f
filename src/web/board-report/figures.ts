// How the report's figures read: counts may be "<11" (public version), shares and medians may be
// missing (nothing to compute from) or suppressed.
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';
import { useLanguage } from '../lib/useLanguage';
import type { CountT as Count, DerivedT as Derived } from '../../contract/board-report';

export function useFigure() {
  const { t } = useTranslation();
  const language = useLanguage();
  const locale = language === 'es' ? 'es-US' : 'en-US';
  const derived = (v: Derived, show: (n: number) => string) =>
    v === null ? t('boardReport.noValue') : v === 'suppressed' ? t('boardReport.suppressed') : show(v);
  return {
    count: (v: Count) => (v === '<11' ? '<11' : formatNumber(v, language)),
    share: (v: Derived) =>
      derived(v, (n) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(n)),
    days: (v: Derived) =>
      derived(v, (n) =>
        t('boardReport.days', {
          count: n,
          value: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n),
        }),
      ),
  };
}
