// The state CSEC Program's counting rule (src/domain/state-count.ts), with the traps the state's
// table is sensitive to, each checked against an answer worked out by hand.
import { describe, expect, it } from 'vitest';
import { countByHierarchy } from '../../src/domain/csec-type.js';
import { fiscalYearOf, fiscalYearPeriod, stateCount, type StateCountedType } from '../../src/domain/state-count.js';

const FY = fiscalYearPeriod('2015-16');
const t = (
  type: StateCountedType['type'],
  startDate: string,
  association: StateCountedType['association'] = 'case',
) => ({
  type,
  startDate,
  association,
});

describe('the start-date rule', () => {
  it('counts a Type starting on either edge of the period, and not a day outside', () => {
    const r = stateCount(
      [
        { youthId: 'first-day', types: [t('at_risk', '2015-07-01')] },
        { youthId: 'last-day', types: [t('victim_before_care', '2016-06-30')] },
        { youthId: 'day-before', types: [t('victim_during_care', '2015-06-30')] },
        { youthId: 'day-after', types: [t('victim_during_care', '2016-07-01')] },
      ],
      FY.from,
      FY.to,
    );
    expect(r.cases.byType).toMatchObject({ at_risk: 1, victim_before_care: 1, victim_during_care: 0 });
    expect(r.cases).toMatchObject({ victims: 1, atRisk: 1 });
  });

  it('counts a child with a lower and a higher Type once, under the higher', () => {
    const r = stateCount(
      [{ youthId: 'a', types: [t('at_risk', '2015-08-01'), t('victim_open_case_not_in_care', '2016-01-01')] }],
      FY.from,
      FY.to,
    );
    expect(r.cases.byType.victim_open_case_not_in_care).toBe(1);
    expect(r.cases.byType.at_risk).toBe(0);
    expect(r.cases).toMatchObject({ victims: 1, atRisk: 0 });
  });

  it('does not count a Type that started before the period and still applies (the overlap rule would)', () => {
    const youth = [
      {
        youthId: 'old',
        records: [{ id: '1', type: 'victim_during_care' as const, startDate: '2014-01-01', endDate: null }],
      },
    ];
    expect(countByHierarchy(youth, FY.from, FY.to).victim_during_care).toBe(1);
    const r = stateCount([{ youthId: 'old', types: [t('victim_during_care', '2014-01-01')] }], FY.from, FY.to);
    expect(r.cases.victims).toBe(0);
  });

  it('counts referral-only youth in their own table, a case Type wins over a higher referral Type, and a Type outside every referral window counts as a case Type', () => {
    const r = stateCount(
      [
        { youthId: 'hotline-only', types: [t('victim_during_care', '2015-09-01', 'referral')] },
        {
          youthId: 'both',
          types: [t('victim_during_care', '2015-09-01', 'referral'), t('at_risk', '2015-10-01', 'case')],
        },
        { youthId: 'unlinked', types: [t('victim_during_care', '2015-09-01', null)] },
      ],
      FY.from,
      FY.to,
    );
    expect(r.cases.byType).toMatchObject({ at_risk: 1, victim_during_care: 1 });
    expect(r.referralOnly.byType).toMatchObject({ victim_during_care: 1 });
    expect(r.referralOnly.victims).toBe(1);
  });

  it('counts a youth split across entries once', () => {
    const r = stateCount(
      [
        { youthId: 'x', types: [t('at_risk', '2015-08-01')] },
        { youthId: 'x', types: [t('victim_during_care', '2015-09-01')] },
      ],
      FY.from,
      FY.to,
    );
    expect(r.cases).toMatchObject({ victims: 1, atRisk: 0 });
  });

  it('refuses a period that is not two real dates in order', () => {
    expect(() => stateCount([], '2016-02-30', '2016-06-30')).toThrow(RangeError);
    expect(() => stateCount([], '2016-06-30', '2016-01-01')).toThrow(RangeError);
  });
});

describe('fiscal years', () => {
  it('run July 1 to June 30 and are written as the state writes them', () => {
    expect(fiscalYearPeriod('2015-16')).toEqual({ from: '2015-07-01', to: '2016-06-30' });
    expect(fiscalYearPeriod('1999-00')).toEqual({ from: '1999-07-01', to: '2000-06-30' });
    expect(fiscalYearOf('2015-07-01')).toBe('2015-16');
    expect(fiscalYearOf('2016-06-30')).toBe('2015-16');
    expect(fiscalYearOf('1999-12-31')).toBe('1999-00');
    expect(() => fiscalYearPeriod('2015-17')).toThrow(RangeError);
    expect(() => fiscalYearOf('2015-02-30')).toThrow(RangeError);
  });
});
