// The one rule for "this cannot be before that" between recorded moments: compared at minute
// precision. People type times to the minute (a datetime-local box has no seconds) while steps
// recorded with "now" are stored to the millisecond, so an advocate assigned at 22:50:32 must be
// able to record first contact at 22:50. Every ordering check between steps uses this helper
// (advocacy referral steps, missing-episode times, first-response encounters); see
// docs/ARCHITECTURE.md, "Time".

const MINUTE = 60_000;

const minuteOf = (t: Date | number): number => Math.floor((typeof t === 'number' ? t : t.getTime()) / MINUTE);

/** True when `at` falls in an earlier minute than `notBefore` (the same minute is not "before"). */
export function isBeforeMinute(at: Date | number, notBefore: Date | number): boolean {
  return minuteOf(at) < minuteOf(notBefore);
}

/**
 * The moment to store for a step typed to the minute: never earlier than the step it follows
 * (22:50 after 22:50:32 is stored as 22:50:32), so the history still reads in order.
 */
export function notEarlierThan(at: Date, notBefore: Date): Date {
  return at.getTime() < notBefore.getTime() ? new Date(notBefore.getTime()) : at;
}
