// What the state CSEC Program pages share (issue 13; src/contract/state-report.ts): who uses
// which page (the server enforces access; these only shape the UI), state fiscal years (July 1 to
// June 30, written "2015-16") and how counts read ("<11" in the public version).
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../contract/auth';
import type { CountT } from '../../contract/state-report';
import { countyDate, formatNumber } from '../lib/format';
import { can } from '../lib/roles';
import { useLanguage } from '../lib/useLanguage';

/** The report: county analysts, county administrators and state analysts. */
export const canSeeStateReport = (s: SessionView) => can(s, 'reports.state');
/** County Plan figures are entered by the county analyst. */
export const canEnterPlanFigures = (s: SessionView) => can(s, 'state.plan_figures');
/** Participation and population: the state's program staff. */
export const canRunStateProgram = (s: SessionView) => can(s, 'state.program');
/** The county analyst submits; the state analyst reviews. */
export const canSubmitToState = (s: SessionView) => can(s, 'state.submit');
export const canReviewSubmissions = (s: SessionView) => can(s, 'state.review');
export const canSeeSubmissions = (s: SessionView) => canSubmitToState(s) || canReviewSubmissions(s);

export { DAY } from '../components/DateRangeFields';
export const FISCAL_YEAR = /^\d{4}-\d{2}$/;
/** The first fiscal year the CSEC Program counted (seed 004: 2014-15). */
const FIRST_FISCAL_YEAR = 2014;

/** "2015-16" for a starting year of 2015. */
export const fiscalYearStarting = (year: number) => `${year}-${String((year + 1) % 100).padStart(2, '0')}`;

/** The fiscal year a date (YYYY-MM-DD) falls in. */
export function fiscalYearOf(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return fiscalYearStarting(month >= 7 ? year : year - 1);
}

/** The fiscal year containing today (county date). */
export const currentFiscalYear = () => fiscalYearOf(countyDate());

/** The fiscal year before the current one: what counties submit by default. */
export const lastFiscalYear = () => fiscalYearStarting(Number(currentFiscalYear().slice(0, 4)) - 1);

/** A fiscal year's first and last day. */
export function fiscalYearPeriod(fy: string): { from: string; to: string } {
  const start = Number(fy.slice(0, 4));
  return { from: `${start}-07-01`, to: `${start + 1}-06-30` };
}

/** The fiscal years to choose from, newest first: the next one down to 2014-15. */
export function fiscalYearChoices(): string[] {
  const current = Number(currentFiscalYear().slice(0, 4));
  const list: string[] = [];
  for (let y = current + 1; y >= FIRST_FISCAL_YEAR; y--) list.push(fiscalYearStarting(y));
  return list;
}

/** A fiscal year as words: "2015-16 (July 1, 2015 to June 30, 2016)". */
export function useFiscalYearLabel() {
  const { t } = useTranslation();
  return (fy: string) =>
    t('stateCommon.fiscalYearLabel', { fy, first: fy.slice(0, 4), last: Number(fy.slice(0, 4)) + 1 });
}

/** How the report's figures read in the reader's language. */
export function useStateFigures() {
  const { t } = useTranslation();
  const language = useLanguage();
  const locale = language === 'es' ? 'es-US' : 'en-US';
  const count = (v: CountT | null | undefined): string =>
    v === null || v === undefined
      ? t('stateCommon.noFigure')
      : v === '<11'
        ? t('stateCommon.fewerThan11')
        : formatNumber(v, language);
  return {
    count,
    number: (v: number | null | undefined) =>
      v === null || v === undefined ? t('stateCommon.noFigure') : formatNumber(v, language),
    /** A signed difference: "+12", "−3", "0". */
    difference: (v: number | null | undefined) =>
      v === null || v === undefined
        ? t('stateCommon.noFigure')
        : new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' }).format(v),
    percent: (v: number | null | undefined) =>
      v === null || v === undefined
        ? t('stateCommon.noFigure')
        : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(v),
    dollars: (v: number | null | undefined) =>
      v === null || v === undefined
        ? t('stateCommon.noFigure')
        : new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(v),
  };
}

/** A count as a number for charts; "<11" and missing figures draw no bar. */
export const numeric = (v: CountT | null | undefined): number | null => (typeof v === 'number' ? v : null);
