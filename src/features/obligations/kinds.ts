// The kinds of obligation Harbor tracks, what meets each one, and where the duty comes from.
// Which event opens which kind, when it is due and who owns it: src/domain/obligation-rules.ts.
import { z } from 'zod';
import type { RuleObligationKind } from '../../domain/obligation-rules.js';

const when = (what: string) => z.string().datetime({ offset: true }).describe(`${what} (ISO 8601 with offset)`);
const note = z.string().trim().max(1000).optional();
const meetingId = z.string().uuid('is not an MDT meeting id').optional().describe('The MDT meeting record, when there is one');

/** An MDT tier is met by holding the meeting. */
const mdtMeeting = z.object({ heldAt: when('When the meeting was held'), meetingId, note }).strict();

interface KindDef {
  label: { en: string; es: string };
  /** What a notification says when it is overdue: no youth name, no details. */
  overdue: { en: string; es: string };
  basis: string;
  meetRecord: z.ZodType<Record<string, unknown>>;
  /** The field of the meet record that says when the duty was done (met on time if at or before due). */
  doneAt: string;
}

export const OBLIGATION_KINDS = {
  cross_report_law_enforcement: {
    label: { en: 'Cross-report to law enforcement', es: 'Reporte cruzado a las autoridades' },
    overdue: { en: 'A 24-hour cross-report to law enforcement is overdue', es: 'Un reporte cruzado de 24 horas a las autoridades está vencido' },
    basis: 'PC 11166(j): report a youth in care identified as a CSEC victim to law enforcement within 24 hours.',
    meetRecord: z
      .object({
        agency: z.string().trim().min(2, 'name the law enforcement agency').max(200),
        reportNumber: z.string().trim().min(1, 'give the report number the agency gave you').max(100),
        madeAt: when('When it was done'),
      })
      .strict(),
    doneAt: 'madeAt',
  },
  responders_on_scene: {
    label: { en: 'Responder on scene', es: 'Respuesta en el lugar' },
    overdue: { en: 'A responding agency is overdue on scene', es: 'Una agencia de respuesta no ha llegado a tiempo' },
    basis:
      'First Responder Protocol (seeds 002, 004): each responding agency is expected on scene within 90 minutes of the call; the county sets the time.',
    meetRecord: z
      .object({
        arrivedAt: when('When the agency arrived on scene'),
        responderName: z.string().trim().min(2).max(200).optional(),
        note,
      })
      .strict(),
    doneAt: 'arrivedAt',
  },
  health_evaluation_72h: {
    label: { en: 'Health evaluation', es: 'Evaluación de salud' },
    overdue: { en: 'A health evaluation is overdue', es: 'Una evaluación de salud está vencida' },
    basis: 'First Responder Protocol (seeds 002, 004): a health evaluation follows within 72 hours of first responder contact; the county sets the time.',
    meetRecord: z
      .object({
        completedAt: when('When the evaluation was done'),
        provider: z.string().trim().min(2, 'name who did the evaluation').max(200),
      })
      .strict(),
    doneAt: 'completedAt',
  },
  crisis_mdt_24h: {
    label: { en: 'Crisis MDT', es: 'Reunión multidisciplinaria de crisis' },
    overdue: { en: 'A crisis MDT meeting is overdue', es: 'Una reunión multidisciplinaria de crisis está vencida' },
    basis: 'Three-tier MDT (seed 004), tier 1: a crisis MDT within hours of identification when the youth is in immediate danger (treated as 24 hours; the county sets it).',
    meetRecord: mdtMeeting,
    doneAt: 'heldAt',
  },
  initial_mdt: {
    label: { en: 'Initial MDT', es: 'Reunión multidisciplinaria inicial' },
    overdue: { en: 'An initial MDT meeting is overdue', es: 'Una reunión multidisciplinaria inicial está vencida' },
    basis: 'Three-tier MDT (seed 004), tier 2: an initial MDT within 7 to 10 days of identification when there is no immediate danger; WIC 16524.8 parties.',
    meetRecord: mdtMeeting,
    doneAt: 'heldAt',
  },
  ongoing_mdt_review: {
    label: { en: 'Ongoing MDT review', es: 'Revisión multidisciplinaria continua' },
    overdue: { en: 'An ongoing MDT review is overdue', es: 'Una revisión multidisciplinaria continua está vencida' },
    basis: 'Three-tier MDT (seed 004), tier 3: the MDT meets regularly to review the youth (every 30 days unless the county sets otherwise).',
    meetRecord: mdtMeeting,
    doneAt: 'heldAt',
  },
  mdt_action_item: {
    label: { en: 'MDT action item', es: 'Tarea del equipo multidisciplinario' },
    overdue: { en: 'An MDT action item is overdue', es: 'Una tarea del equipo multidisciplinario está vencida' },
    basis: 'An action item the MDT assigned, due on the date the team set.',
    meetRecord: z.object({ completedAt: when('When it was done'), note }).strict(),
    doneAt: 'completedAt',
  },
  screening_due: {
    label: { en: 'Screening due', es: 'Evaluación pendiente' },
    overdue: { en: 'A screening is overdue', es: 'Una evaluación de detección está vencida' },
    basis: 'County screening protocol (DOMAIN.md section 2): rescreen at the interval the county sets for the last level found.',
    meetRecord: z
      .object({
        screeningId: z.string().uuid('is not a screening id').describe('The finalized screening'),
        completedAt: when('When the screening was finalized'),
      })
      .strict(),
    doneAt: 'completedAt',
  },
} as const satisfies Record<string, KindDef>;

// Every kind the rules open must be registered above (a compile error otherwise).
const _ruleKindsRegistered: Record<RuleObligationKind, KindDef> = OBLIGATION_KINDS;

export type ObligationKind = keyof typeof OBLIGATION_KINDS;
export const OBLIGATION_KIND_KEYS = Object.keys(OBLIGATION_KINDS) as ObligationKind[];

/** The definition of a kind, typed for generic use (meeting, notifications). */
export function kindDef(kind: string): KindDef | undefined {
  return Object.hasOwn(OBLIGATION_KINDS, kind) ? (OBLIGATION_KINDS as Record<string, KindDef>)[kind] : undefined;
}
