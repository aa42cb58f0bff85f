// What emails say, built from the server-side catalogue (catalog.ts). Pure, and deliberately
// without access to any youth data: the link carries only the youth's id. In-app notifications
// are worded by the web from their codes (reason, obligation kind: notifications.missed.* and
// obligationKinds.<kind>.overdue in src/web/i18n).
import { MISSED_DIGEST as T } from './catalog.js';

export type NotificationReason = 'owner' | 'supervisor' | 'county_admin';

export interface DigestInput {
  publicUrl: string;
  /** Missed obligations this person owns, supervises (through the owner) or hears of as administrator. */
  owned: number;
  team: number;
  county: number;
  /** Youth to link to (never names); the email lists at most MAX_LINKS. */
  youthIds: readonly string[];
  youthCount: number;
}

export const MAX_LINKS = 20;

/**
 * One email per person per job run, however many deadlines passed: a count and links. No youth
 * name, no kind of duty, nothing about the case: email leaves the county's systems.
 */
export function missedDigestEmail(d: DigestInput): { subject: string; body: string } {
  const base = d.publicUrl.replace(/\/+$/, '');
  const total = d.owned + d.team + d.county;
  const lines: string[] = [T.intro(total), ''];
  if (d.owned) lines.push(T.owned(d.owned));
  if (d.team) lines.push(T.team(d.team));
  if (d.county) lines.push(T.county(d.county));
  const links = d.youthIds.slice(0, MAX_LINKS);
  if (links.length) {
    lines.push('', T.openThem);
    for (const id of links) lines.push(`${base}/youth/${encodeURIComponent(id)}`);
    if (d.youthCount > links.length) lines.push(T.more(d.youthCount - links.length));
    lines.push('', T.workList(`${base}/work`));
  } else {
    lines.push('', T.signIn(`${base}/`));
  }
  lines.push('', ...T.closing);
  return { subject: T.subject(total), body: lines.join('\n') + '\n' };
}
