// What notifications and emails say. Pure, and deliberately without access to any youth data:
// the text comes from the obligation's kind, the link carries only the youth's id.
import { kindDef } from '../obligations/kinds.js';

export type NotificationReason = 'owner' | 'supervisor' | 'county_admin';

const REASON_TEXT: Record<NotificationReason, { en: string; es: string }> = {
  owner: { en: 'You own this deadline.', es: 'Usted es responsable de este plazo.' },
  supervisor: {
    en: 'Someone you supervise owns this deadline.',
    es: 'Una persona que usted supervisa es responsable de este plazo.',
  },
  county_admin: {
    en: 'Your county asks administrators to hear of missed deadlines.',
    es: 'Su condado avisa a los administradores de los plazos vencidos.',
  },
};

/** "A 24-hour cross-report to law enforcement is overdue", with why this person was told. */
export function missedNotificationText(obligationKind: string, reason: NotificationReason): { en: string; es: string } {
  const overdue = kindDef(obligationKind)?.overdue ?? { en: 'A deadline is overdue', es: 'Un plazo está vencido' };
  return { en: `${overdue.en}. ${REASON_TEXT[reason].en}`, es: `${overdue.es}. ${REASON_TEXT[reason].es}` };
}

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
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const lines = [
    `${plural(total, 'deadline has', 'deadlines have')} passed in Harbor without being recorded as met.`,
    '',
  ];
  if (d.owned) lines.push(`- ${plural(d.owned, 'is', 'are')} yours.`);
  if (d.team) lines.push(`- ${plural(d.team, 'belongs', 'belong')} to people you supervise.`);
  if (d.county) lines.push(`- ${plural(d.county, 'is', 'are')} in your county (you are told as an administrator).`);
  const links = d.youthIds.slice(0, MAX_LINKS);
  if (links.length) {
    lines.push('', 'Open them in Harbor (you will be asked to sign in):');
    for (const id of links) lines.push(`${base}/youth/${encodeURIComponent(id)}`);
    if (d.youthCount > links.length) lines.push(`…and ${d.youthCount - links.length} more on your work list.`);
    lines.push('', `Your work list: ${base}/work`);
  } else {
    lines.push('', `Sign in to Harbor to see them: ${base}/`);
  }
  lines.push(
    '',
    'This email never contains a youth\u2019s name or case details. Do not reply with any.',
    'Este correo nunca contiene el nombre de un joven ni detalles del caso. Inicie sesión en Harbor para verlos.',
  );
  return { subject: `Harbor: ${plural(total, 'deadline', 'deadlines')} missed`, body: lines.join('\n') + '\n' };
}
