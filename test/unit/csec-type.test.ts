import { describe, expect, it } from 'vitest';
import {
  associate,
  countByHierarchy,
  CSEC_TYPE_CODES,
  CSEC_TYPES,
  type CsecTypeCode,
  type CsecTypeRecord,
  isIsoDate,
  rankOf,
  typeForPeriod,
  validateCsecType,
} from '../../src/domain/csec-type.js';

const TODAY = '2026-06-15';
let n = 0;
const rec = (type: CsecTypeCode, startDate: string, endDate: string | null = null, id = `r${++n}`): CsecTypeRecord => ({
  id,
  type,
  startDate,
  endDate,
});

describe('CSEC_TYPES', () => {
  it('lists the six state types in hierarchy order with the CWS/CMS wording', () => {
    expect(CSEC_TYPES.map((t) => [t.rank, t.code, t.stateLabel])).toEqual([
      [1, 'victim_during_care', 'Victim During Care'],
      [2, 'victim_open_case_not_in_care', 'Victim in Open Case, Not in Foster Care'],
      [3, 'victim_absent_from_placement', 'Victim While Absent from Placement'],
      [4, 'victim_closed_case_ilp', 'Victim in Closed Case, Receiving Independent Living Program services'],
      [5, 'victim_before_care', 'Victim Before Foster Care'],
      [6, 'at_risk', 'At Risk'],
    ]);
    expect(CSEC_TYPES.map((t) => t.code)).toEqual(CSEC_TYPE_CODES);
    expect(CSEC_TYPES.filter((t) => !t.isVictim).map((t) => t.code)).toEqual(['at_risk']);
    // Their names in English and Spanish are the web's (csecTypes.<code>): test/unit/problem-codes.test.ts.
  });

  it('ranks by code and refuses an unknown code', () => {
    expect(rankOf('victim_during_care')).toBe(1);
    expect(rankOf('at_risk')).toBe(6);
    expect(() => rankOf('victim' as CsecTypeCode)).toThrow(/not a CSEC Type/);
  });

  it('recognizes real YYYY-MM-DD dates only', () => {
    expect(['2026-02-28', '2028-02-29', '2026-12-31'].every(isIsoDate)).toBe(true);
    expect(['2026-02-29', '2026-13-01', '2026-2-1', '02/01/2026', '', null].some(isIsoDate)).toBe(false);
  });
});

describe('validateCsecType', () => {
  it('accepts a sound record', () => {
    expect(validateCsecType(rec('at_risk', '2026-01-01'), [], TODAY)).toEqual([]);
    expect(validateCsecType(rec('victim_absent_from_placement', '2026-01-01', '2026-01-03'), [], TODAY)).toEqual([]);
  });

  it('requires a start date that is a real date and not in the future', () => {
    expect(validateCsecType({ type: 'at_risk', startDate: '' }, [], TODAY)).toEqual([
      'Enter the start date: the day the CSEC Type began to apply.',
    ]);
    expect(validateCsecType({ type: 'at_risk', startDate: null }, [], TODAY)).toHaveLength(1);
    expect(validateCsecType({ type: 'at_risk', startDate: '2026-02-30' }, [], TODAY)).toEqual([
      'The start date "2026-02-30" is not a real date. Enter it as YYYY-MM-DD, for example 2026-03-14.',
    ]);
    expect(validateCsecType(rec('at_risk', '2026-06-16'), [], TODAY)).toEqual([
      'The start date 2026-06-16 is in the future. A CSEC Type can only start today or earlier.',
    ]);
    expect(validateCsecType(rec('at_risk', TODAY), [], TODAY)).toEqual([]);
  });

  it('requires the end date on or after the start date (the same day is fine)', () => {
    expect(validateCsecType(rec('at_risk', '2026-03-10', '2026-03-09'), [], TODAY)).toEqual([
      'The end date 2026-03-09 is before the start date 2026-03-10. The end date must be on or after the start date.',
    ]);
    expect(validateCsecType(rec('at_risk', '2026-03-10', '2026-03-10'), [], TODAY)).toEqual([]);
    expect(validateCsecType(rec('at_risk', '2026-03-10', '2026-04-31'), [], TODAY)).toEqual([
      'The end date "2026-04-31" is not a real date. Enter it as YYYY-MM-DD, or leave it empty if the type still applies.',
    ]);
  });

  it('requires an end date for Victim While Absent from Placement', () => {
    for (const endDate of [null, undefined, ''])
      expect(
        validateCsecType({ type: 'victim_absent_from_placement', startDate: '2026-01-01', endDate }, [], TODAY),
      ).toEqual([
        '"Victim While Absent from Placement" needs an end date: the day the youth returned or the absence ended.',
      ]);
  });

  it('refuses a type that is not one of the six', () => {
    expect(validateCsecType({ type: 'victim' as CsecTypeCode, startDate: '2026-01-01' }, [], TODAY)[0]).toMatch(
      /^"victim" is not a CSEC Type\. Choose one of: Victim During Care; /,
    );
  });

  describe('the same type twice at once', () => {
    const existing = [
      rec('at_risk', '2026-01-01', '2026-01-31', 'jan'),
      rec('victim_before_care', '2026-03-01', null, 'open'),
    ];

    it('counts a range that starts the day the other ends as overlapping', () => {
      expect(validateCsecType(rec('at_risk', '2026-01-31', '2026-02-10'), existing, TODAY)).toEqual([
        'This youth already has "At Risk" from 2026-01-01 to 2026-01-31, which overlaps these dates. A youth cannot hold the same CSEC Type twice at once: end or change the other record first.',
      ]);
      expect(validateCsecType(rec('at_risk', '2025-12-01', '2026-01-01'), existing, TODAY)).toHaveLength(1);
    });

    it('allows the next day', () => {
      expect(validateCsecType(rec('at_risk', '2026-02-01'), existing, TODAY)).toEqual([]);
      expect(validateCsecType(rec('at_risk', '2025-12-01', '2025-12-31'), existing, TODAY)).toEqual([]);
    });

    it('treats an open-ended record as running forever, whichever side is open', () => {
      expect(validateCsecType(rec('victim_before_care', '2026-05-01', '2026-05-02'), existing, TODAY)[0]).toMatch(
        /from 2026-03-01 with no end date/,
      );
      // A new open-ended record starting before an existing one overlaps it too.
      expect(validateCsecType(rec('at_risk', '2025-06-01'), existing, TODAY)).toHaveLength(1);
      expect(validateCsecType(rec('victim_before_care', '2026-02-01', '2026-02-28'), existing, TODAY)).toEqual([]);
    });

    it('lets different types overlap', () => {
      expect(validateCsecType(rec('victim_during_care', '2026-01-15'), existing, TODAY)).toEqual([]);
    });

    it('ignores the record itself when editing it', () => {
      expect(validateCsecType({ ...existing[0]!, endDate: '2026-02-15' }, existing, TODAY)).toEqual([]);
      expect(validateCsecType({ ...existing[1]!, startDate: '2026-02-01' }, existing, TODAY)).toEqual([]);
    });
  });
});

describe('typeForPeriod', () => {
  const records = [
    rec('at_risk', '2025-01-01'),
    rec('victim_before_care', '2025-06-01', '2025-06-30'),
    rec('victim_during_care', '2025-09-01', '2025-09-01'),
  ];

  it('picks the highest-ranked type overlapping the inclusive period', () => {
    expect(typeForPeriod(records, '2025-01-01', '2025-05-31')).toBe('at_risk');
    expect(typeForPeriod(records, '2025-05-31', '2025-06-01')).toBe('victim_before_care');
    expect(typeForPeriod(records, '2025-06-30', '2025-08-31')).toBe('victim_before_care');
    expect(typeForPeriod(records, '2025-07-01', '2025-08-31')).toBe('at_risk');
    expect(typeForPeriod(records, '2025-01-01', '2025-12-31')).toBe('victim_during_care');
    expect(typeForPeriod(records, '2025-09-01', '2025-09-01')).toBe('victim_during_care');
  });

  it('is null before any record and with no records', () => {
    expect(typeForPeriod(records, '2024-01-01', '2024-12-31')).toBeNull();
    expect(typeForPeriod([], '2025-01-01', '2025-12-31')).toBeNull();
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => typeForPeriod(records, '2025-12-31', '2025-01-01')).toThrow(RangeError);
    expect(() => typeForPeriod(records, '2025-01-01', '2025-02-30')).toThrow(/real YYYY-MM-DD/);
  });
});

describe('countByHierarchy', () => {
  it('counts each youth once, under its highest type, with all six keys present', () => {
    const counts = countByHierarchy(
      [
        {
          youthId: 'a',
          records: [rec('at_risk', '2025-01-01'), rec('victim_during_care', '2025-03-01', '2025-03-05')],
        },
        { youthId: 'b', records: [rec('at_risk', '2025-02-01')] },
        {
          youthId: 'c',
          records: [rec('victim_closed_case_ilp', '2025-01-01', '2025-12-31'), rec('at_risk', '2024-01-01')],
        },
        { youthId: 'd', records: [rec('victim_during_care', '2024-01-01', '2024-12-31')] }, // before the period
        { youthId: 'e', records: [] },
      ],
      '2025-01-01',
      '2025-12-31',
    );
    expect(counts).toEqual({
      victim_during_care: 1,
      victim_open_case_not_in_care: 0,
      victim_absent_from_placement: 0,
      victim_closed_case_ilp: 1,
      victim_before_care: 0,
      at_risk: 1,
    });
  });

  it('still counts a youth once when its records arrive in two rows', () => {
    const counts = countByHierarchy(
      [
        { youthId: 'a', records: [rec('at_risk', '2025-01-01')] },
        { youthId: 'a', records: [rec('victim_before_care', '2025-02-01')] },
      ],
      '2025-01-01',
      '2025-12-31',
    );
    expect(counts.victim_before_care).toBe(1);
    expect(counts.at_risk).toBe(0);
  });
});

describe('associate (seed 004)', () => {
  const referrals = [
    { id: 'ref-closed', receivedDate: '2025-03-01', dispositionDate: '2025-03-10' },
    { id: 'ref-open', receivedDate: '2025-06-01', dispositionDate: null },
  ];
  const cases = [
    { id: 'case-old', openedOn: '2024-01-01', closedOn: '2025-04-30' },
    { id: 'case-new', openedOn: '2025-02-01', closedOn: null },
  ];
  const at = (startDate: string, r = referrals, c = cases) => associate({ startDate }, r, c);

  it('belongs to a referral from its received date to its disposition date, inclusive', () => {
    expect(at('2025-03-01')).toEqual({ kind: 'referral', id: 'ref-closed' });
    expect(at('2025-03-10')).toEqual({ kind: 'referral', id: 'ref-closed' });
  });

  it('falls to the case open on the start date the day after the disposition', () => {
    expect(at('2025-03-11')).toEqual({ kind: 'case', id: 'case-new' });
    expect(at('2025-01-15')).toEqual({ kind: 'case', id: 'case-old' });
  });

  it('treats a referral without a disposition as still open', () => {
    expect(at('2025-06-01')).toEqual({ kind: 'referral', id: 'ref-open' });
    expect(at('2030-01-01')).toEqual({ kind: 'referral', id: 'ref-open' });
  });

  it('prefers the referral received latest when several include the date', () => {
    const overlapping = [...referrals, { id: 'ref-later', receivedDate: '2025-03-05', dispositionDate: '2025-03-20' }];
    expect(at('2025-03-06', overlapping)).toEqual({ kind: 'referral', id: 'ref-later' });
    expect(at('2025-03-04', overlapping)).toEqual({ kind: 'referral', id: 'ref-closed' });
  });

  it('prefers the most recently opened case, and skips a case closed the day before', () => {
    expect(at('2025-04-30', [])).toEqual({ kind: 'case', id: 'case-new' });
    const onlyOld = [cases[0]!];
    expect(at('2025-04-30', [], onlyOld)).toEqual({ kind: 'case', id: 'case-old' });
    expect(at('2025-05-01', [], onlyOld)).toBeNull();
  });

  it('is null when nothing was open (for the data-quality report)', () => {
    expect(at('2023-12-31')).toBeNull();
    expect(at('2025-01-01', [], [])).toBeNull();
    expect(at('not a date')).toBeNull();
  });
});
