// The state report's data limitations (seed 004, Appendix B, "Data Limitations"), generated from
// the data: one sentence in English and Spanish per limitation whose count is not zero, with the
// count in it ("fewer than 11" in the public version).
import type { CountT, LIMITATION_CODES, StateReportT } from '../../contract/state-report.js';

export type LimitationCode = (typeof LIMITATION_CODES)[number];

const countEn = (c: CountT) => (c === '<11' ? 'fewer than 11' : c.toLocaleString('en-US'));
const countEs = (c: CountT) => (c === '<11' ? 'menos de 11' : c.toLocaleString('en-US'));

/** Each limitation's sentence, English and Spanish, with its count. */
const SENTENCES: Record<LimitationCode, (c: CountT, planYear: string) => { en: string; es: string }> = {
  types_without_subcategory: (c) => ({
    en: `CSEC Types starting in the period without an allegation subcategory (a field CWS/CMS does not require): ${countEn(c)}. They are counted; their subcategory cannot be reported.`,
    es: `Tipos CSEC que comienzan en el período sin subcategoría de alegación (un campo que CWS/CMS no exige): ${countEs(c)}. Se cuentan, pero su subcategoría no se puede informar.`,
  }),
  referral_only_youth: (c) => ({
    en: `Youth with referral-associated Types only (identified during a hotline investigation, no case-associated Type starting in the period): ${countEn(c)}. They are not in the Type table; they are counted in a table of their own.`,
    es: `Jóvenes con Tipos asociados solo a remisiones (identificados durante una investigación de la línea directa, sin Tipo asociado a un caso que comience en el período): ${countEs(c)}. No están en la tabla de Tipos; se cuentan en una tabla aparte.`,
  }),
  types_outside_period: (c) => ({
    en: `CSEC Types that still applied during the period but started before it: ${countEn(c)}. Under the counting rule they are not counted.`,
    es: `Tipos CSEC que seguían vigentes durante el período pero comenzaron antes: ${countEs(c)}. Según la regla de conteo, no se cuentan.`,
  }),
  types_without_case: (c) => ({
    en: `CSEC Types starting in the period with neither a referral nor a case around them: ${countEn(c)}. They are counted as associated with a case, as the state assumed.`,
    es: `Tipos CSEC que comienzan en el período sin remisión ni caso a su alrededor: ${countEs(c)}. Se cuentan como asociados a un caso, como lo supuso el estado.`,
  }),
  likely_duplicates: (c) => ({
    en: `Likely duplicate youth (pairs with the same names and date of birth) open in the data-quality queue: ${countEn(c)}. A youth recorded twice may be counted twice.`,
    es: `Posibles jóvenes duplicados (pares con los mismos nombres y fecha de nacimiento) abiertos en la cola de calidad de datos: ${countEs(c)}. Un joven registrado dos veces puede contarse dos veces.`,
  }),
  youth_without_date_of_birth: (c) => ({
    en: `Youth counted without a date of birth: ${countEn(c)}. Their age cannot be checked against the population of youth aged 10 to 20.`,
    es: `Jóvenes contados sin fecha de nacimiento: ${countEs(c)}. Su edad no se puede comparar con la población de jóvenes de 10 a 20 años.`,
  }),
  counties_without_population: (c, planYear) => ({
    en: `Counties in the report without a child-welfare population figure for ${planYear}: ${countEn(c)}. Their ratio of victims to youth aged 10 to 20 receiving child-welfare services is blank.`,
    es: `Condados del informe sin cifra de población de bienestar infantil para ${planYear}: ${countEs(c)}. Su proporción de víctimas respecto a los jóvenes de 10 a 20 años que reciben servicios de bienestar infantil queda en blanco.`,
  }),
  counties_without_plans: (c, planYear) => ({
    en: `Counties in the report without County Plan figures for ${planYear}: ${countEn(c)}. The County Plans column leaves them out.`,
    es: `Condados del informe sin cifras del Plan del Condado para ${planYear}: ${countEs(c)}. La columna de los Planes del Condado no los incluye.`,
  }),
};

/** The limitations to list: each whose count is not zero, in the order of LIMITATION_CODES. */
export function limitations(counts: Record<LimitationCode, CountT>, planYear: string): StateReportT['limitations'] {
  return (Object.keys(SENTENCES) as LimitationCode[])
    .filter((code) => counts[code] !== 0)
    .map((code) => ({ code, count: counts[code], ...SENTENCES[code](counts[code], planYear) }));
}
