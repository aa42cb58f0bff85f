// Why a screening was done: the moment in the youth's path that called for it (DOMAIN.md section 2).
export const SCREENING_CONTEXTS = [
  'hotline',
  'investigation',
  'case_opening',
  'placement',
  'detention_intake',
  'return_from_missing',
  'periodic_rescreen',
  'other',
] as const;
export type ScreeningContext = (typeof SCREENING_CONTEXTS)[number];
