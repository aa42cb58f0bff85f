// Small-cell suppression (CalHHS Data De-identification Guidelines, DOMAIN.md section 8).
// Counts from 1 to 10 are shown as "<11"; zero is shown, as it reveals no one.
// This is primary suppression only. Tables that also show totals need complementary
// suppression so a hidden cell cannot be recomputed; the Board report (issue 6) adds it.

export const SMALL_CELL_THRESHOLD = 11;

export type SuppressedCount = number | '<11';

export function suppressSmallCount(n: number, threshold = SMALL_CELL_THRESHOLD): SuppressedCount {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`a count must be a whole number of at least 0, got ${n}`);
  return n > 0 && n < threshold ? '<11' : n;
}
