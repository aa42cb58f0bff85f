// Small-cell suppression (CalHHS Data De-identification Guidelines, DOMAIN.md section 8).
//
// Primary: a count from 1 to 10 is shown as "<11"; zero is shown, as it reveals no one.
// This applies to totals too (a row total of 7 is hidden; a total of 0 is shown).
//
// Complementary: once totals are shown, a hidden cell must not be recomputable. We treat the
// table with its totals as one grid: cells, a column of row totals, a row of column totals and
// the grand total in the corner. Every row and column of that grid (totals row and column
// included) is a line whose entries add up (cells = total). Two rules, applied until stable:
//   1. No line holds exactly one hidden entry: it would be its total minus the shown entries.
//      The second entry is the line's smallest non-zero shown entry (least information lost).
//   2. No hidden entry is pinned by combining lines (adding some rows, subtracting some
//      columns). Seen as a graph (rows and columns are nodes, hidden entries are edges), an
//      entry is pinned exactly when its edge lies on no cycle. We close such an edge into a
//      cycle along the path of shown entries with the smallest sum.
// Zeros: a zero is never hidden. Rule 1 always has a non-zero choice (a line with a hidden
// non-zero entry has a non-zero total, or a non-zero cell if the total is the hidden one), and
// rule 2 always has a path through the totals (row total, grand total, column total) whose
// entries are non-zero. The code still ranks a zero last rather than excluding it, so that if
// one were ever hidden it would be shown as "<11" like any hidden entry: printing "0" there
// would undo the protection, and "<11" is still true of zero. A property test checks it.
//
// Totals are always computed here from the cells, never taken from the caller: the rules only
// protect a table whose totals really are the sums of its cells. A count of distinct youth
// that is not the sum of its parts (one youth served by two CBOs) needs a different treatment.
//
// What this does not do: protect against bounds (a hidden cell known to be between 0 and a
// small total), or suppress derived figures (rates, percentages) computed from hidden cells.

export const SMALL_CELL_THRESHOLD = 11;

export type SuppressedCount = number | '<11';

export function suppressSmallCount(n: number, threshold = SMALL_CELL_THRESHOLD): SuppressedCount {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`a count must be a whole number of at least 0, got ${n}`);
  return n > 0 && n < threshold ? '<11' : n;
}

/** Why an entry is hidden: its own count is 1 to 10, or it protects another hidden entry. */
export type SuppressionReason = 'primary' | 'complementary';

export type DisplayedCount = { shown: true; value: number } | { shown: false; value: '<11'; reason: SuppressionReason };

export interface SuppressedTable {
  cells: DisplayedCount[][];
  rowTotals: DisplayedCount[];
  columnTotals: DisplayedCount[];
  grandTotal: DisplayedCount;
}

export interface SuppressedList {
  counts: DisplayedCount[];
  total: DisplayedCount;
}

const isPrimary = (n: number): boolean => n > 0 && n < SMALL_CELL_THRESHOLD;

function checkCount(n: unknown, where: string): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${where} must be a whole number of at least 0, got ${String(n)}`);
  }
  return n;
}

function display(value: number, reason: SuppressionReason | null): DisplayedCount {
  return reason === null ? { shown: true, value } : { shown: false, value: '<11', reason };
}

/** Cheaper to hide first: any non-zero entry before a zero, then smaller counts. */
type Cost = readonly [zeros: number, sum: number];
const costOf = (n: number): Cost => (n === 0 ? [1, 0] : [0, n]);
const add = (a: Cost, b: Cost): Cost => [a[0] + b[0], a[1] + b[1]];
const less = (a: Cost, b: Cost): boolean => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

/**
 * Totals to hide whatever their count, as complementary entries: a total that another table
 * also shows and hides there must be hidden here too, and the rules then protect it here.
 */
export interface SuppressTableOptions {
  hide?: { rowTotals?: readonly number[]; columnTotals?: readonly number[]; grandTotal?: boolean };
}

/**
 * Suppress a table of counts (rows × columns, at least 1 × 1) with its row totals, column
 * totals and grand total, which are computed from the cells. Throws RangeError on input that
 * is not a non-empty rectangle of whole numbers ≥ 0.
 */
export function suppressTable(
  cells: readonly (readonly number[])[],
  options: SuppressTableOptions = {},
): SuppressedTable {
  if (!Array.isArray(cells) || cells.length === 0) throw new RangeError('a table needs at least one row');
  const nRows = cells.length;
  const nCols = cells[0]?.length ?? 0;
  if (nCols === 0) throw new RangeError('a table needs at least one column');
  // The grid with totals: rows 0..nRows-1 and columns 0..nCols-1 are cells, row nRows holds
  // the column totals, column nCols the row totals, and [nRows][nCols] the grand total.
  const R = nRows + 1;
  const C = nCols + 1;
  const value = new Array<number>(R * C).fill(0);
  cells.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== nCols) {
      throw new RangeError(`row ${i + 1} has ${Array.isArray(row) ? row.length : 'no'} counts, expected ${nCols}`);
    }
    row.forEach((n, j) => {
      const v = checkCount(n, `the count at row ${i + 1}, column ${j + 1}`);
      value[i * C + j] = v;
      value[i * C + nCols] = (value[i * C + nCols] ?? 0) + v;
      value[nRows * C + j] = (value[nRows * C + j] ?? 0) + v;
      value[nRows * C + nCols] = (value[nRows * C + nCols] ?? 0) + v;
    });
  });
  if (!Number.isSafeInteger(value[nRows * C + nCols])) throw new RangeError('the grand total is too large');

  const v = (k: number): number => value[k] ?? 0;
  const reason: (SuppressionReason | null)[] = value.map((n) => (isPrimary(n) ? 'primary' : null));
  const force = (k: number) => {
    if (reason[k] === null) reason[k] = 'complementary';
  };
  for (const i of options.hide?.rowTotals ?? []) if (i >= 0 && i < nRows) force(i * C + nCols);
  for (const j of options.hide?.columnTotals ?? []) if (j >= 0 && j < nCols) force(nRows * C + j);
  if (options.hide?.grandTotal) force(nRows * C + nCols);
  const hidden = (k: number): boolean => reason[k] !== null;

  // Lines: every row then every column of the grid, each a list of entry indexes.
  const lines: number[][] = [];
  for (let i = 0; i < R; i++) lines.push(Array.from({ length: C }, (_, j) => i * C + j));
  for (let j = 0; j < C; j++) lines.push(Array.from({ length: R }, (_, i) => i * C + j));

  /** Rule 1: give a line with one hidden entry a second one. */
  const fixLoneLine = (): boolean => {
    for (const line of lines) {
      if (line.filter(hidden).length !== 1) continue;
      let best: number | undefined;
      for (const k of line) {
        if (!hidden(k) && (best === undefined || less(costOf(v(k)), costOf(v(best))))) best = k;
      }
      // A line has at least two entries (a cell and its total), so best is defined.
      if (best !== undefined) reason[best] = 'complementary';
      return true;
    }
    return false;
  };

  // Graph nodes: row i is node i, column j is node R + j; entry (i, j) joins them.
  const ends = (k: number): [number, number] => [Math.floor(k / C), R + (k % C)];
  const entryOf = (a: number, b: number): number => (a < R ? a * C + (b - R) : b * C + (a - R));
  const neighbours = (node: number): number[] =>
    node < R ? Array.from({ length: C }, (_, j) => R + j) : Array.from({ length: R }, (_, i) => i);

  /** Rule 2: close a hidden entry that lies on no cycle of hidden entries. */
  const fixPinnedEntry = (): boolean => {
    for (let k = 0; k < R * C; k++) {
      if (!hidden(k)) continue;
      const [from, to] = ends(k);
      // Cheapest path from one end to the other without entry k: hidden entries cost nothing,
      // shown entries cost their count (zeros last). Cost 0 means k is already on a cycle.
      const nodes = R + C;
      const dist: (Cost | undefined)[] = new Array<Cost | undefined>(nodes).fill(undefined);
      const prev = new Array<number>(nodes).fill(-1);
      const done = new Array<boolean>(nodes).fill(false);
      dist[from] = [0, 0];
      for (;;) {
        let u = -1;
        for (let n = 0; n < nodes; n++) {
          const d = dist[n];
          const du = dist[u];
          if (!done[n] && d !== undefined && (u === -1 || du === undefined || less(d, du))) u = n;
        }
        if (u === -1 || u === to) break;
        done[u] = true;
        const du = dist[u] ?? [0, 0];
        for (const w of neighbours(u)) {
          const e = entryOf(u, w);
          if (e === k || done[w]) continue;
          const d = add(du, hidden(e) ? [0, 0] : costOf(v(e)));
          const dw = dist[w];
          if (dw === undefined || less(d, dw)) {
            dist[w] = d;
            prev[w] = u;
          }
        }
      }
      const total = dist[to];
      if (total !== undefined && total[0] === 0 && total[1] === 0) continue;
      // The grid is a complete bipartite graph with at least two nodes a side, so a path exists.
      for (let n = to; prev[n] !== undefined && prev[n] !== -1; n = prev[n] ?? -1) {
        const e = entryOf(prev[n] ?? 0, n);
        if (!hidden(e)) reason[e] = 'complementary';
      }
      return true;
    }
    return false;
  };

  while (fixLoneLine() || fixPinnedEntry()) {
    /* each pass hides at least one more entry, so this ends */
  }

  const out = (i: number, j: number): DisplayedCount => display(v(i * C + j), reason[i * C + j] ?? null);
  return {
    cells: Array.from({ length: nRows }, (_, i) => Array.from({ length: nCols }, (_, j) => out(i, j))),
    rowTotals: Array.from({ length: nRows }, (_, i) => out(i, nCols)),
    columnTotals: Array.from({ length: nCols }, (_, j) => out(nRows, j)),
    grandTotal: out(nRows, nCols),
  };
}

/**
 * Suppress a single list of counts shown with its total (per-CBO counts and the county total),
 * computed from the counts. One line, so one rule: never exactly one hidden entry; the second
 * is the smallest non-zero shown count, else the total. An empty list has a total of 0.
 */
export function suppressList(counts: readonly number[]): SuppressedList {
  if (!Array.isArray(counts)) throw new RangeError('counts must be a list');
  const values = counts.map((n, i) => checkCount(n, `count ${i + 1}`));
  const total = values.reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger(total)) throw new RangeError('the total is too large');
  const entries = [...values, total];
  const reason: (SuppressionReason | null)[] = entries.map((n) => (isPrimary(n) ? 'primary' : null));
  if (reason.filter((r) => r !== null).length === 1) {
    let best: number | undefined;
    entries.forEach((n, k) => {
      if (reason[k] === null && (best === undefined || less(costOf(n), costOf(entries[best] ?? 0)))) best = k;
    });
    // A hidden count from 1 to 10 makes the total non-zero, and a hidden total means some
    // count from 1 to 10 is hidden too, so best is always a non-zero entry.
    if (best !== undefined) reason[best] = 'complementary';
  }
  const shown = entries.map((n, k) => display(n, reason[k] ?? null));
  return { counts: shown.slice(0, values.length), total: shown[values.length] ?? display(total, null) };
}
