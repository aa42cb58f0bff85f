import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DisplayedCount,
  type SuppressedTable,
  suppressList,
  suppressSmallCount,
  suppressTable,
} from '../../src/domain/suppression.js';

/** The table as one grid: cells, row totals as the last column, column totals as the last row. */
function grid(t: SuppressedTable): DisplayedCount[][] {
  return [...t.cells.map((row, i) => [...row, t.rowTotals[i] as DisplayedCount]), [...t.columnTotals, t.grandTotal]];
}
function withTotals(cells: number[][]): number[][] {
  const rows = cells.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const cols = (rows[0] ?? []).map((_, j) => rows.reduce((a, row) => a + (row[j] ?? 0), 0));
  return [...rows, cols];
}
/** Every row and column of the grid, as lists of [i, j]. */
function lines(R: number, C: number): [number, number][][] {
  const out: [number, number][][] = [];
  for (let i = 0; i < R; i++) out.push(Array.from({ length: C }, (_, j): [number, number] => [i, j]));
  for (let j = 0; j < C; j++) out.push(Array.from({ length: R }, (_, i): [number, number] => [i, j]));
  return out;
}
const at = <T>(g: T[][], [i, j]: [number, number]): T => (g[i] as T[])[j] as T;
const hiddenMask = (t: SuppressedTable): boolean[][] => grid(t).map((row) => row.map((d) => !d.shown));
const pattern = (t: SuppressedTable): string[] =>
  grid(t).map((row) => row.map((d) => (d.shown ? '.' : d.reason === 'primary' ? 'P' : 'C')).join(''));

/** Attacker 1: fill any line with a single unknown from its total, until nothing changes. */
function lineFiller(values: number[][], hidden: boolean[][]): Set<string> {
  const R = values.length;
  const C = (values[0] ?? []).length;
  const known = hidden.map((row) => row.map((h) => !h));
  const recovered = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines(R, C)) {
      const unknown = line.filter((p) => !at(known, p));
      if (unknown.length !== 1) continue;
      const p = unknown[0] as [number, number];
      (known[p[0]] as boolean[])[p[1]] = true; // the attacker computes total minus the rest
      recovered.add(p.join(','));
      changed = true;
    }
  }
  return recovered;
}

/**
 * Attacker 2: all the linear algebra. Unknowns are the hidden entries; each line gives one
 * equation (cells minus total = known). An unknown is pinned when its unit vector lies in the
 * row space of the equations, i.e. adding it does not raise the rank.
 */
function rank(m: number[][]): number {
  const a = m.map((r) => [...r]);
  let r = 0;
  const width = (a[0] ?? []).length;
  for (let c = 0; c < width && r < a.length; c++) {
    let p = r;
    for (let i = r; i < a.length; i++) if (Math.abs(a[i]?.[c] ?? 0) > Math.abs(a[p]?.[c] ?? 0)) p = i;
    if (Math.abs(a[p]?.[c] ?? 0) < 1e-9) continue;
    [a[r], a[p]] = [a[p] as number[], a[r] as number[]];
    const pivot = a[r] as number[];
    for (let i = 0; i < a.length; i++) {
      if (i === r) continue;
      const row = a[i] as number[];
      const f = (row[c] ?? 0) / (pivot[c] ?? 1);
      for (let k = c; k < width; k++) row[k] = (row[k] ?? 0) - f * (pivot[k] ?? 0);
    }
    r++;
  }
  return r;
}
function pinnedEntries(hidden: boolean[][]): string[] {
  const R = hidden.length;
  const C = (hidden[0] ?? []).length;
  const unknowns: [number, number][] = [];
  hidden.forEach((row, i) => row.forEach((h, j) => h && unknowns.push([i, j])));
  if (unknowns.length === 0) return [];
  const sign = (i: number, last: number) => (i === last ? -1 : 1);
  const eqs = lines(R, C).map((line, n) => {
    const isRow = n < R;
    return unknowns.map(([i, j]) => {
      if (!line.some(([a, b]) => a === i && b === j)) return 0;
      return isRow ? sign(j, C - 1) : sign(i, R - 1);
    });
  });
  const base = rank(eqs);
  return unknowns
    .filter((_, u) => rank([...eqs, unknowns.map((__, w) => (w === u ? 1 : 0))]) === base)
    .map((p) => p.join(','));
}

const count = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 11, max: 80 }));
const table = fc
  .record({ r: fc.integer({ min: 1, max: 6 }), c: fc.integer({ min: 1, max: 6 }) })
  .chain(({ r, c }) => fc.array(fc.array(count, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));

describe('suppressTable: primary suppression (properties)', () => {
  it('hides every entry from 1 to 10 as primary, never a zero or an entry of 11 and up as primary', () => {
    fc.assert(
      fc.property(table, (cells) => {
        const values = withTotals(cells);
        grid(suppressTable(cells)).forEach((row, i) =>
          row.forEach((d, j) => {
            const n = (values[i] as number[])[j] as number;
            if (n >= 1 && n <= 10) expect(d).toEqual({ shown: false, value: '<11', reason: 'primary' });
            else if (!d.shown) expect(d.reason).toBe('complementary');
            else expect(d.value).toBe(n);
          }),
        );
      }),
    );
  });
});

describe('suppressTable: zeros (properties)', () => {
  it('never hides a zero, as primary or as complement (a non-zero choice always exists)', () => {
    const zeroHeavy = fc.oneof(
      fc.constant(0),
      fc.constant(0),
      fc.integer({ min: 1, max: 10 }),
      fc.integer({ min: 11, max: 40 }),
    );
    const t = fc
      .record({ r: fc.integer({ min: 1, max: 6 }), c: fc.integer({ min: 1, max: 6 }) })
      .chain(({ r, c }) =>
        fc.array(fc.array(zeroHeavy, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
      );
    fc.assert(
      fc.property(t, (cells) => {
        const values = withTotals(cells);
        grid(suppressTable(cells)).forEach((row, i) =>
          row.forEach((d, j) => (values[i] as number[])[j] === 0 && expect(d).toEqual({ shown: true, value: 0 })),
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('suppressTable: nothing hidden can be recomputed (properties)', () => {
  it('every line with a hidden entry has at least two hidden entries (its total may be one)', () => {
    fc.assert(
      fc.property(table, (cells) => {
        const h = hiddenMask(suppressTable(cells));
        for (const line of lines(h.length, (h[0] ?? []).length)) {
          const n = line.filter((p) => at(h, p)).length;
          expect(n === 0 || n >= 2).toBe(true);
        }
      }),
    );
  });
  it('an attacker filling lines one unknown at a time recovers nothing', () => {
    fc.assert(
      fc.property(table, (cells) => {
        expect([...lineFiller(withTotals(cells), hiddenMask(suppressTable(cells)))]).toEqual([]);
      }),
    );
  });
  it('an attacker using all the linear equations pins no hidden entry', () => {
    fc.assert(
      fc.property(table, (cells) => {
        expect(pinnedEntries(hiddenMask(suppressTable(cells)))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('suppressTable: stable and honest (properties)', () => {
  it('is deterministic and leaves its input alone', () => {
    fc.assert(
      fc.property(table, (cells) => {
        const copy = structuredClone(cells);
        expect(suppressTable(cells)).toEqual(suppressTable(copy));
        expect(cells).toEqual(copy);
      }),
    );
  });
  it('shows totals that are the sums of the cells', () => {
    fc.assert(
      fc.property(table, (cells) => {
        const values = withTotals(cells);
        grid(suppressTable(cells)).forEach((row, i) =>
          row.forEach((d, j) => d.shown && expect(d.value).toBe((values[i] as number[])[j])),
        );
      }),
    );
  });
  it('hides nothing when no entry is from 1 to 10', () => {
    const big = fc.oneof(fc.constant(0), fc.integer({ min: 11, max: 500 }));
    fc.assert(
      fc.property(fc.array(fc.array(big, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 4 }), (cells) => {
        const withSmallTotals = withTotals(cells)
          .flat()
          .some((n) => n >= 1 && n <= 10);
        if (!withSmallTotals) expect(hiddenMask(suppressTable(cells)).flat().some(Boolean)).toBe(false);
      }),
    );
  });
  it('is stable: marking the hidden entries of a result as primary hides nothing more', () => {
    // Replace every hidden cell by a count from 1 to 10 and every shown cell by one of 11 and
    // up; when the totals keep their status too, the same pattern must come back unchanged.
    fc.assert(
      fc.property(table, (cells) => {
        const first = suppressTable(cells);
        const h = hiddenMask(first);
        const remade = cells.map((row, i) => row.map((_, j) => ((h[i] as boolean[])[j] ? 5 : 1000)));
        const second = hiddenMask(suppressTable(remade));
        // Everything hidden the first time is hidden again (now all cells are primary), and
        // the second pattern is itself closed under the rules.
        h.slice(0, -1).forEach((row, i) =>
          row.slice(0, -1).forEach((x, j) => x && expect((second[i] as boolean[])[j]).toBe(true)),
        );
        expect(pinnedEntries(second)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('suppressTable: worked examples', () => {
  it('a 3 × 2 table: one small cell spreads through its row, its column and the totals', () => {
    // cells      row totals
    //  5  20  |  25
    // 30  40  |  70
    // 12   0  |  12
    // ----------------
    // 47  60  | 107
    // 5 is primary. Row 1 takes 20 (smaller than the total 25); column 1 takes 12 (smaller than
    // 30 and 47); row 3 then has 12 alone and only a 0 and its total 12 to pair with, so the
    // total 12 is hidden (no zero); the row-totals column now has 12 alone and takes 25;
    // column 2 takes 40 (before the 0); row 2 takes 30. The 0 and the column totals are shown.
    const t = suppressTable([
      [5, 20],
      [30, 40],
      [12, 0],
    ]);
    expect(pattern(t)).toEqual(['PCC', 'CC.', 'C.C', '...']);
    expect(t.cells).toEqual([
      [
        { shown: false, value: '<11', reason: 'primary' },
        { shown: false, value: '<11', reason: 'complementary' },
      ],
      [
        { shown: false, value: '<11', reason: 'complementary' },
        { shown: false, value: '<11', reason: 'complementary' },
      ],
      [
        { shown: false, value: '<11', reason: 'complementary' },
        { shown: true, value: 0 },
      ],
    ]);
    expect(t.rowTotals.map((d) => d.value)).toEqual(['<11', 70, '<11']);
    expect(t.columnTotals).toEqual([
      { shown: true, value: 47 },
      { shown: true, value: 60 },
    ]);
    expect(t.grandTotal).toEqual({ shown: true, value: 107 });
  });

  it('a 3 × 3 table: two small cells close into a rectangle with two complements', () => {
    const t = suppressTable([
      [5, 20, 30],
      [25, 7, 40],
      [50, 60, 70],
    ]);
    // 5 takes 20 in its row (not 30 or the total 55); 7 takes 25 in its row (not 40 or 72).
    // Columns 1 and 2 then have two hidden cells each; all totals are shown.
    expect(pattern(t)).toEqual(['PC..', 'CP..', '....', '....']);
    expect(t.rowTotals.map((d) => d.value)).toEqual([55, 72, 180]);
  });

  it('closes an entry that no single line reveals but rows minus columns would (a bridge)', () => {
    // Two blocks of small cells joined by the 7 at row 1, column 3. Every line has two hidden
    // entries, yet rows 1 + 2 minus columns 1 + 2 give 7 exactly. The cheapest shown cell
    // that closes a cycle through it is the 30 at row 2, column 3.
    const cells = [
      [1, 2, 7, 40],
      [4, 5, 30, 50],
      [60, 70, 6, 7],
      [80, 90, 8, 9],
    ];
    expect(pinnedEntries(withTotals(cells).map((row) => row.map((n) => n >= 1 && n <= 10)))).toEqual(['0,2']);
    const t = suppressTable(cells);
    expect(pattern(t)).toEqual(['PPP..', 'PPC..', '..PP.', '..PP.', '.....']);
    expect(pinnedEntries(hiddenMask(t))).toEqual([]);
  });

  it('closes such an entry through two totals rather than through a zero cell', () => {
    // Same shape, but every cell joining the blocks is 0. The cheapest path that avoids the
    // zeros runs from column 2 through the totals row to column 4 (column totals 17 + 18 = 35;
    // columns 2 and 3 would cost 17 + 23 = 40, row totals 24 + 17 = 41).
    const t = suppressTable([
      [9, 8, 7, 0],
      [10, 9, 0, 0],
      [0, 0, 9, 8],
      [0, 0, 7, 10],
    ]);
    expect(pattern(t)).toEqual(['PPP..', 'PP...', '..PP.', '..PP.', '.C.C.']);
    expect(pinnedEntries(hiddenMask(t))).toEqual([]);
  });

  it('small tables: a lone 12 hides nothing, a lone 3 hides everything, a 0 stays shown', () => {
    expect(pattern(suppressTable([[12]]))).toEqual(['..', '..']);
    expect(pattern(suppressTable([[3]]))).toEqual(['PP', 'PP']);
    expect(pattern(suppressTable([[0, 3]]))).toEqual(['.PP', '.PP']);
  });

  it('refuses input that is not a rectangle of whole numbers of at least 0', () => {
    expect(() => suppressTable([])).toThrow(new RangeError('a table needs at least one row'));
    expect(() => suppressTable([[]])).toThrow(new RangeError('a table needs at least one column'));
    expect(() => suppressTable([[1, 2], [3]])).toThrow(new RangeError('row 2 has 1 counts, expected 2'));
    expect(() => suppressTable([[1, -1]])).toThrow(
      new RangeError('the count at row 1, column 2 must be a whole number of at least 0, got -1'),
    );
    expect(() => suppressTable([[1.5]])).toThrow(RangeError);
    expect(() => suppressTable([[Number.NaN]])).toThrow(RangeError);
    expect(() => suppressTable([[Number.MAX_SAFE_INTEGER, 1]])).toThrow(new RangeError('the grand total is too large'));
  });
});

describe('suppressList', () => {
  it('per-CBO counts with a county total: the smallest non-zero count protects a lone small one', () => {
    const l = suppressList([5, 12, 30, 0]);
    expect(l.counts).toEqual([
      { shown: false, value: '<11', reason: 'primary' },
      { shown: false, value: '<11', reason: 'complementary' },
      { shown: true, value: 30 },
      { shown: true, value: 0 },
    ]);
    expect(l.total).toEqual({ shown: true, value: 47 });
  });
  it('two small counts protect each other; a small total is hidden with its count', () => {
    expect(suppressList([3, 4, 50]).counts.map((d) => d.value)).toEqual(['<11', '<11', 50]);
    expect(suppressList([3, 0])).toEqual({
      counts: [
        { shown: false, value: '<11', reason: 'primary' },
        { shown: true, value: 0 },
      ],
      total: { shown: false, value: '<11', reason: 'primary' },
    });
    // With one other count, that count (40) is smaller than the total (45), so it goes.
    expect(suppressList([40, 5]).counts.map((d) => d.value)).toEqual(['<11', '<11']);
    expect(suppressList([40, 5]).total).toEqual({ shown: true, value: 45 });
    expect(suppressList([])).toEqual({ counts: [], total: { shown: true, value: 0 } });
  });
  it('refuses counts that are not whole numbers of at least 0', () => {
    expect(() => suppressList([1, -2])).toThrow(new RangeError('count 2 must be a whole number of at least 0, got -2'));
    expect(() => suppressList([0.5])).toThrow(RangeError);
  });
  it('properties: primary as for single counts, never one hidden entry alone, zero never hidden', () => {
    fc.assert(
      fc.property(fc.array(count, { maxLength: 8 }), (counts) => {
        const l = suppressList(counts);
        const total = counts.reduce((a, b) => a + b, 0);
        const entries = [...l.counts, l.total];
        const values = [...counts, total];
        entries.forEach((d, k) => {
          const n = values[k] as number;
          if (n === 0) expect(d).toEqual({ shown: true, value: 0 });
          else if (suppressSmallCount(n) === '<11') expect(d).toMatchObject({ shown: false, reason: 'primary' });
          else if (d.shown) expect(d.value).toBe(n);
        });
        expect(entries.filter((d) => !d.shown).length).not.toBe(1);
        expect(suppressList(counts)).toEqual(l);
      }),
    );
  });
});
