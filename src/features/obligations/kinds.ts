// The kinds of obligation Harbor tracks, what meets each one, and where the duty comes from.
// Which event opens which kind, when it is due and who owns it: src/domain/obligation-rules.ts.
import { z } from 'zod';
import type { RuleObligationKind } from '../../domain/obligation-rules.js';

const when = (what: string) => z.string().datetime({ offset: true }).describe(`${what} (ISO 8601 with offset)`);
const note = z.string().trim().max(1000).optional();
const meetingId = z
  .string()
  .uuid('is not an MDT meeting id')
  .optional()
  .describe('The MDT meeting record, when there is one');

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
  /**
   * Met only through its feature, which checks the record against its source (a missing-youth
   * report cannot be made before the discovery): the general meet route refuses it and says where.
   */
  metThrough?: string;
}

const MISSING_BASIS = 'SB 794, P.L. 113-183 (42 U.S.C. 671(a)(35)), PC 11166, WIC 16501.35';
const missingMet = 'the missing episode on the youth\u2019s record';
const notified = z
  .object({
    notifiedAt: when('When the notification was made'),
    notifiedName: z.string().trim().min(2).max(200).optional().describe('Who was told'),
    method: z.enum(['phone', 'in_person', 'email', 'letter', 'other']).optional(),
    note,
  })
  .strict();

export const OBLIGATION_KINDS = {
  cross_report_law_enforcement: {
    label: { en: 'Cross-report to law enforcement', es: 'Reporte cruzado a las autoridades' },
    overdue: {
      en: 'A 24-hour cross-report to law enforcement is overdue',
      es: 'Un reporte cruzado de 24 horas a las autoridades está vencido',
    },
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
    basis:
      'First Responder Protocol (seeds 002, 004): a health evaluation follows within 72 hours of first responder contact; the county sets the time.',
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
    basis:
      'Three-tier MDT (seed 004), tier 1: a crisis MDT within hours of identification when the youth is in immediate danger (treated as 24 hours; the county sets it).',
    meetRecord: mdtMeeting,
    doneAt: 'heldAt',
  },
  initial_mdt: {
    label: { en: 'Initial MDT', es: 'Reunión multidisciplinaria inicial' },
    overdue: { en: 'An initial MDT meeting is overdue', es: 'Una reunión multidisciplinaria inicial está vencida' },
    basis:
      'Three-tier MDT (seed 004), tier 2: an initial MDT within 7 to 10 days of identification when there is no immediate danger; WIC 16524.8 parties.',
    meetRecord: mdtMeeting,
    doneAt: 'heldAt',
  },
  ongoing_mdt_review: {
    label: { en: 'Ongoing MDT review', es: 'Revisión multidisciplinaria continua' },
    overdue: { en: 'An ongoing MDT review is overdue', es: 'Una revisión multidisciplinaria continua está vencida' },
    basis:
      'Three-tier MDT (seed 004), tier 3: the MDT meets regularly to review the youth (every 30 days unless the county sets otherwise).',
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
    basis:
      'County screening protocol (DOMAIN.md section 2): rescreen at the interval the county sets for the last level found.',
    meetRecord: z
      .object({
        screeningId: z.string().uuid('is not a screening id').describe('The finalized screening'),
        completedAt: when('When the screening was finalized'),
      })
      .strict(),
    doneAt: 'completedAt',
  },
  missing_report_law_enforcement: {
    label: { en: 'Missing report to law enforcement', es: 'Reporte de desaparición a las autoridades' },
    overdue: {
      en: 'A missing-youth report to law enforcement is overdue',
      es: 'Un reporte de desaparición a las autoridades está vencido',
    },
    basis: `${MISSING_BASIS}: report a missing youth in care to law enforcement, for entry in NCIC, immediately and never later than 24 hours.`,
    meetRecord: z
      .object({
        agency: z.string().trim().min(2, 'name the law enforcement agency').max(200),
        reportNumber: z.string().trim().min(1, 'give the report number the agency gave you').max(100),
        reportedAt: when('When the report was made'),
        enteredInNcic: z.boolean().describe('Whether the agency confirmed the entry in NCIC'),
      })
      .strict(),
    doneAt: 'reportedAt',
    metThrough: missingMet,
  },
  missing_report_ncmec: {
    label: { en: 'Missing report to NCMEC', es: 'Reporte de desaparición al NCMEC' },
    overdue: {
      en: 'A missing-youth report to NCMEC is overdue',
      es: 'Un reporte de desaparición al NCMEC está vencido',
    },
    basis: `${MISSING_BASIS}: report a missing youth in care to the National Center for Missing and Exploited Children immediately and never later than 24 hours.`,
    meetRecord: z
      .object({
        reportedAt: when('When the report was made'),
        ncmecCaseNumber: z.string().trim().min(1, 'give the case number NCMEC gave you').max(100),
      })
      .strict(),
    doneAt: 'reportedAt',
    metThrough: missingMet,
  },
  missing_notify_attorney: {
    label: { en: "Notify the youth's attorney", es: 'Avisar al abogado del joven' },
    overdue: {
      en: "A missing-youth notice to the youth's attorney is overdue",
      es: 'Un aviso de desaparición al abogado del joven está vencido',
    },
    basis: "County policy (LA: within 24 hours): tell the youth's attorney the youth is missing.",
    meetRecord: notified,
    doneAt: 'notifiedAt',
    metThrough: missingMet,
  },
  missing_notify_parent: {
    label: { en: 'Notify the parent or guardian', es: 'Avisar a la madre, el padre o el tutor' },
    overdue: {
      en: 'A missing-youth notice to a parent or guardian is overdue',
      es: 'Un aviso de desaparición a la familia o al tutor está vencido',
    },
    basis: 'County policy: tell the parent or guardian the youth is missing, where appropriate.',
    meetRecord: notified,
    doneAt: 'notifiedAt',
    metThrough: missingMet,
  },
  missing_notify_court: {
    label: { en: 'Notify the court', es: 'Avisar al tribunal' },
    overdue: {
      en: 'A missing-youth notice to the court is overdue',
      es: 'Un aviso de desaparición al tribunal está vencido',
    },
    basis: 'County policy: tell the court a youth under its jurisdiction is missing.',
    meetRecord: notified,
    doneAt: 'notifiedAt',
    metThrough: missingMet,
  },
  missing_debrief: {
    label: { en: 'Return debrief', es: 'Entrevista al regreso' },
    overdue: { en: 'A return debrief is overdue', es: 'Una entrevista al regreso está vencida' },
    basis: `${MISSING_BASIS}: on return, find out why the youth left and what happened while away, screen for exploitation and document it. No state deadline; the county sets one.`,
    meetRecord: z
      .object({
        completedAt: when('When the debrief was completed'),
        debriefId: z.string().uuid(),
        screeningId: z.string().uuid(),
      })
      .strict(),
    doneAt: 'completedAt',
    metThrough: missingMet,
  },
  advocacy_first_contact: {
    label: { en: 'Advocate first contact', es: 'Primer contacto del intercesor' },
    overdue: {
      en: "An advocacy organization's first contact is overdue",
      es: 'El primer contacto de una organización de intercesoría está vencido',
    },
    basis:
      "The CBO's advocacy contract (seed 000): first contact with a referred youth within the contract's response time (24 hours unless it says otherwise).",
    meetRecord: z.object({ contactedAt: when('When the advocate reached the youth'), note }).strict(),
    doneAt: 'contactedAt',
    metThrough: 'the advocacy referral (record the first contact there)',
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
