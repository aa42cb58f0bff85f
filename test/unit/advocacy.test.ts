// The advocacy rules (src/domain/advocacy.ts): the referral state machine, vetting on a date,
// "recovered and connected", and the Board's reporting periods. Right answers written by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  REFERRAL_STATES,
  REFERRAL_STEPS,
  countRecoveredYouth,
  expiringSoon,
  lastPeriods,
  median,
  periodContaining,
  referralRecovered,
  stepProblem,
  vettingGaps,
  type ReferralStep,
  type VettingRecord,
} from '../../src/domain/advocacy.js';

const TRAININGS = [
  { key: 'csec_101', label: 'CSEC 101' },
  { key: 'csec_102', label: 'CSEC 102' },
  { key: 'county_protocol', label: 'County protocol' },
];

const vetted: VettingRecord = {
  clearances: [
    { kind: 'background', clearedOn: '2025-01-10', expiresOn: '2027-01-10' },
    { kind: 'security', clearedOn: '2025-01-10', expiresOn: '2026-12-01' },
  ],
  trainings: [
    { trainingKey: 'csec_101', completedOn: '2025-02-01', expiresOn: null },
    { trainingKey: 'csec_102', completedOn: '2025-02-15', expiresOn: null },
    { trainingKey: 'county_protocol', completedOn: '2025-03-01', expiresOn: '2026-12-10' },
  ],
  approvals: [{ approvedOn: '2025-03-05', approvedUntil: '2027-03-05', revokedOn: null }],
};

describe('referral lifecycle (stepProblem)', () => {
  it('allows exactly the listed steps and walks the happy path', () => {
    const path: [ReferralStep, string][] = [
      ['accept', 'sent'],
      ['assign_advocate', 'accepted'],
      ['first_contact', 'advocate_assigned'],
      ['engage', 'first_contact'],
      ['close', 'engaged'],
    ];
    for (const [step, from] of path) expect(stepProblem(from as never, step)).toBeNull();
  });

  it('refuses skipping states, a second acceptance and anything after declined or closed', () => {
    expect(stepProblem('sent', 'first_contact')).toMatch(/must first be advocate assigned/);
    expect(stepProblem('accepted', 'engage')).toMatch(/must first be first contact/);
    expect(stepProblem('accepted', 'accept')).toMatch(/only once/);
    expect(stepProblem('advocate_assigned', 'decline')).toMatch(/only once/);
    expect(stepProblem('declined', 'close')).toMatch(/declined; nothing more/);
    expect(stepProblem('closed', 'accept')).toMatch(/closed; nothing more/);
  });

  it('agrees with REFERRAL_STEPS for every state and step (property)', () => {
    const steps = Object.keys(REFERRAL_STEPS) as ReferralStep[];
    fc.assert(
      fc.property(fc.constantFrom(...REFERRAL_STATES), fc.constantFrom(...steps), (state, step) => {
        const allowed = (REFERRAL_STEPS[step].from as readonly string[]).includes(state);
        return (stepProblem(state, step) === null) === allowed;
      }),
    );
  });
});

describe('vettingGaps', () => {
  it('finds nothing missing for a fully vetted advocate', () => {
    expect(vettingGaps(vetted, '2026-11-21', TRAININGS)).toEqual([]);
  });

  it('names every missing requirement', () => {
    const none: VettingRecord = { clearances: [], trainings: [], approvals: [] };
    expect(vettingGaps(none, '2026-11-21', TRAININGS)).toEqual([
      'no background clearance on record',
      'no security clearance on record',
      'CSEC 101 training not completed',
      'CSEC 102 training not completed',
      'County protocol training not completed',
      'no current approval from the contracting department',
    ]);
  });

  it('names expired clearances, expired trainings, ended and revoked approvals', () => {
    expect(vettingGaps(vetted, '2026-12-05', TRAININGS)).toEqual(['security clearance expired on 2026-12-01']);
    expect(vettingGaps(vetted, '2026-12-11', TRAININGS)).toEqual([
      'security clearance expired on 2026-12-01',
      'County protocol training has expired',
    ]);
    expect(vettingGaps(vetted, '2027-03-06', TRAININGS)).toContain(
      'contracting department approval ended on 2027-03-05',
    );
    const revoked = {
      ...vetted,
      approvals: [{ approvedOn: '2025-03-05', approvedUntil: '2027-03-05', revokedOn: '2026-06-01' }],
    };
    expect(vettingGaps(revoked, '2026-05-31', TRAININGS)).toEqual([]);
    expect(vettingGaps(revoked, '2026-06-01', TRAININGS)).toEqual([
      'no current approval from the contracting department',
    ]);
  });

  it('does not count vetting that starts after the date', () => {
    expect(vettingGaps(vetted, '2025-01-09', TRAININGS)).toContain('no background clearance on record');
  });
});

describe('expiringSoon', () => {
  it('lists items ending within the warning window, soonest first', () => {
    expect(expiringSoon(vetted, '2026-11-21', 30)).toEqual([
      { item: 'clearance', key: 'security', what: 'security clearance', endsOn: '2026-12-01' },
      { item: 'training', key: 'county_protocol', what: 'county_protocol training', endsOn: '2026-12-10' },
    ]);
    expect(expiringSoon(vetted, '2026-11-21', 5)).toEqual([]);
    // Already lapsed is not "expiring": it is a gap.
    expect(expiringSoon(vetted, '2026-12-02', 5)).toEqual([]);
  });
});

describe('recovered and connected to services', () => {
  const referredAt = new Date('2026-01-10T18:00:00Z');
  const day = 86_400_000;
  it('needs a first contact and a linked service starting within the window', () => {
    expect(
      referralRecovered(
        { youthId: 'y', referredAt, firstContactAt: null, linkedServiceStarts: [new Date(referredAt.getTime() + day)] },
        60,
      ),
    ).toBe(false);
    expect(
      referralRecovered(
        {
          youthId: 'y',
          referredAt,
          firstContactAt: referredAt,
          linkedServiceStarts: [new Date(referredAt.getTime() + 60 * day)],
        },
        60,
      ),
    ).toBe(true);
    expect(
      referralRecovered(
        {
          youthId: 'y',
          referredAt,
          firstContactAt: referredAt,
          linkedServiceStarts: [new Date(referredAt.getTime() + 61 * day)],
        },
        60,
      ),
    ).toBe(false);
    expect(
      referralRecovered(
        {
          youthId: 'y',
          referredAt,
          firstContactAt: referredAt,
          linkedServiceStarts: [new Date(referredAt.getTime() - day)],
        },
        60,
      ),
    ).toBe(false);
  });

  it('counts youth, not referrals', () => {
    const ok = (youthId: string) => ({
      youthId,
      referredAt,
      firstContactAt: referredAt,
      linkedServiceStarts: [new Date(referredAt.getTime() + day)],
    });
    expect(countRecoveredYouth([ok('a'), ok('a'), ok('b'), { ...ok('c'), firstContactAt: null }], 60)).toBe(2);
  });
});

describe('reporting periods', () => {
  it('finds the four-month period containing a date, across the year end', () => {
    expect(periodContaining('2026-11-21', [3, 7, 11])).toMatchObject({ from: '2026-11-01', to: '2027-02-28' });
    expect(periodContaining('2027-01-15', [3, 7, 11])).toMatchObject({ from: '2026-11-01', to: '2027-02-28' });
    expect(periodContaining('2026-03-01', [7, 11, 3])).toMatchObject({ from: '2026-03-01', to: '2026-06-30' });
    expect(() => periodContaining('2026-03-01', [0])).toThrow(RangeError);
  });

  it('lists the last periods oldest first, back to back', () => {
    const periods = lastPeriods('2026-11-21', [3, 7, 11], 3);
    expect(periods.map((p) => [p.from, p.to])).toEqual([
      ['2026-03-01', '2026-06-30'],
      ['2026-07-01', '2026-10-31'],
      ['2026-11-01', '2027-02-28'],
    ]);
  });

  it('takes the median of odd and even lists', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
