// Issue 14, finding 8: ordering checks between steps compare at minute precision, in one helper.
import { describe, expect, it } from 'vitest';
import { episodeTimeProblems } from '../../src/domain/missing.js';
import { isBeforeMinute } from '../../src/domain/time-order.js';
import { stepTime } from '../../src/features/advocacy/step.js';
import { OBLIGATION_KINDS } from '../../src/features/obligations/kinds.js';

describe('ordering checks at minute precision', () => {
  const assigned = new Date(Date.now() - 10 * 60_000);
  assigned.setUTCSeconds(32, 247);
  const sameMinute = new Date(assigned);
  sameMinute.setUTCSeconds(0, 0);

  it('the helper: the same minute is not before, the minute before is', () => {
    expect(isBeforeMinute(sameMinute, assigned)).toBe(false);
    expect(isBeforeMinute(new Date(sameMinute.getTime() - 1), assigned)).toBe(true);
  });

  it('an advocate assigned at hh:mm:32 records first contact at hh:mm', () => {
    const at = stepTime(sameMinute.toISOString(), assigned);
    // Stored no earlier than the step it follows, so the history keeps its order.
    expect(at.getTime()).toBe(assigned.getTime());
    expect(() => stepTime(new Date(sameMinute.getTime() - 60_000).toISOString(), assigned)).toThrow();
  });

  it("a missing youth's return typed for the minute they were found missing", () => {
    const problems = episodeTimeProblems({
      lastSeenAt: new Date(assigned.getTime() - 3_600_000),
      discoveredAt: assigned,
      returnedAt: sameMinute,
    });
    expect(problems.map((p) => p.code)).toEqual([]);
  });
});

describe('no source citations in user-facing text (finding 7)', () => {
  it('no obligation basis cites a seed document', () => {
    for (const [kind, def] of Object.entries(OBLIGATION_KINDS)) expect(def.basis, kind).not.toMatch(/\bseeds? \d{3}/i);
  });
});
