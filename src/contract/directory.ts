// Request and response shapes of the directory API. The same field rules validate each row of
// `harbor import providers` (import-providers.ts), so a file and a form fail the same way.
import { z } from 'zod';
import { GENDERS, POPULATIONS, PROVIDER_KINDS, SERVICE_CATEGORIES, TRAINING_KEY } from '../domain/directory.js';
import { PLACEMENT_TYPE_KEYS } from '../domain/placements.js';
import { email, freeText, id, line, name, pastDate, phone } from './primitives.js';

const SERVICE_LINE = /^\d{3}$/;
const EXTENSION = /^(.*?)\s*(?:x|ext\.?)\s*(\d{1,6})$/i;

/**
 * A provider's or contact's phone: parsed by phone() and stored as E.164 (+12135550100), an
 * extension kept after it (+12135550100 x12), or a three-digit line such as 211 or 988 as is.
 */
export const directoryPhone = () =>
  z
    .string()
    .trim()
    .max(40)
    .transform((v, ctx) => {
      if (SERVICE_LINE.test(v)) return v;
      const ext = EXTENSION.exec(v);
      const parsed = phone().safeParse(ext ? ext[1]! : v);
      if (!parsed.success) {
        ctx.addIssue({
          code: 'custom',
          message: 'is not a phone number (for example (213) 555-0100, +1 213 555 0100 x12, or 988)',
          params: { code: 'invalid_phone' },
        });
        return z.NEVER;
      }
      return ext ? `${parsed.data} x${ext[2]}` : parsed.data;
    })
    .meta({
      format: 'phone',
      description:
        'A phone number, stored as E.164 (+12135550100), an extension after it (+12135550100 x12), or 211, 988',
    });

export const website = line({ max: 500 }).refine((v) => {
  try {
    const u = new URL(v);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.includes('.');
  } catch {
    return false;
  }
}, 'must be a web address starting with https:// (or http://)');

const optionalLine = (max: number) => line({ max }).nullable().optional();
const optionalText = (max: number) => freeText({ max }).nullable().optional();
const count = z.number().int().min(0, 'cannot be negative').max(10_000);
const age = z.number().int().min(0, 'must be 0 to 30').max(30, 'must be 0 to 30');

export const CsecTrainingSchema = z.object({
  training: z
    .string()
    .trim()
    .regex(TRAINING_KEY, 'use csec_101, csec_102, county_protocol or another key in lowercase letters, digits and _'),
  completedOn: pastDate().describe('When the training was completed (not in the future)'),
});

/** Every editable field; create requires kind and name, a patch any of them. */
export const ProviderFields = z.object({
  kind: z
    .enum(PROVIDER_KINDS)
    .describe('organization, resource_family (a home: its address is never shown) or independent'),
  name: name(200),
  organizationId: id()
    .nullable()
    .optional()
    .describe('The organization that runs it; its org_admins may edit the entry'),
  description: optionalText(2000),
  services: z.array(name(60)).max(60).optional().describe('Service catalog keys (GET /api/directory/services)'),
  placementTypes: z.array(z.enum(PLACEMENT_TYPE_KEYS)).max(20).optional(),
  beds: count.nullable().optional(),
  vacancies: count.nullable().optional(),
  csecTrainings: z.array(CsecTrainingSchema).max(50).optional(),
  ageMin: age.nullable().optional(),
  ageMax: age.nullable().optional(),
  genders: z.array(z.enum(GENDERS)).max(GENDERS.length).optional(),
  lgbtqAffirming: z.boolean().optional(),
  servesParentingYouth: z.boolean().optional(),
  servesBoys: z.boolean().optional(),
  languages: z.array(name(40)).max(30).optional(),
  spas: z.array(z.number().int().min(1).max(99)).max(99).optional().describe('Service planning areas served'),
  countiesServed: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[a-z]+(-[a-z]+)*$/, 'use county codes such as los-angeles'),
    )
    .max(58)
    .optional(),
  phone: directoryPhone().nullable().optional(),
  email: email().nullable().optional(),
  website: website.nullable().optional(),
  address: optionalLine(300).describe('Office address; for a resource family it is stored but never shown'),
  hours: optionalLine(300),
  crisis247: z.boolean().optional().describe('Answers crisis calls 24 hours a day, 7 days a week'),
  externalRef: optionalLine(100).describe('The id used by `harbor import providers`'),
  active: z.boolean().optional(),
});

export const ProviderCreate = ProviderFields.strict();
export const ProviderPatch = ProviderFields.partial()
  .extend({ version: z.number().int().min(1).describe('The version you loaded; a mismatch gives 409') })
  .strict();
export const VacancyUpdate = z
  .object({
    vacancies: count,
    beds: count.nullable().optional(),
    version: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('Optional: the version you loaded (409 if someone saved since)'),
  })
  .strict();

export const ProviderId = z.object({ id: id() });

const flag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');

export const ProviderFilters = z.object({
  q: line({ max: 100 }).optional().describe('Name or description; small typos are fine'),
  service: line({ max: 60 }).optional().describe('A service catalog key'),
  spa: z.coerce.number().int().min(1).max(99).optional(),
  language: line({ max: 40 }).optional().describe('Any case: spanish, Spanish'),
  population: z.enum(POPULATIONS).optional(),
  age: z.coerce.number().int().min(0).max(30).optional().describe("The youth's age; providers whose range includes it"),
  placementType: z.enum(PLACEMENT_TYPE_KEYS).optional(),
  hasVacancy: flag.describe('true: providers with at least one vacancy'),
  crisis: flag.describe('true: 24/7 crisis availability'),
  csecTrained: flag.describe('true: at least one CSEC training on record'),
  includeInactive: flag.describe('true: include inactive entries'),
});
export type Filters = z.infer<typeof ProviderFilters>;

export const ProviderQuery = ProviderFilters.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const ProviderView = z.object({
  id: z.string(),
  kind: z.enum(PROVIDER_KINDS),
  name: z.string(),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
  description: z.string().nullable(),
  services: z.array(z.string()),
  placementTypes: z.array(z.string()),
  beds: z.number().nullable(),
  vacancies: z.number().nullable(),
  vacanciesConfirmedAt: z.string().nullable(),
  vacanciesStale: z.boolean().describe(`true when the vacancy count was not confirmed in the last week`),
  csecTrainings: z.array(z.object({ training: z.string(), completedOn: z.string() })),
  csecTrained: z.boolean(),
  ageMin: z.number().nullable(),
  ageMax: z.number().nullable(),
  genders: z.array(z.string()),
  lgbtqAffirming: z.boolean(),
  servesParentingYouth: z.boolean(),
  servesBoys: z.boolean(),
  languages: z.array(z.string()),
  spas: z.array(z.number()),
  countiesServed: z.array(z.string()),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  address: z.string().nullable(),
  addressWithheld: z.boolean().describe('true for a resource family: a placement address is never shown'),
  hours: z.string().nullable(),
  crisis247: z.boolean(),
  externalRef: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type ProviderView = z.infer<typeof ProviderView>;

export const ProviderList = z.object({
  providers: z.array(ProviderView.extend({ score: z.number().describe('Text relevance, 0 to 1 (0 without q)') })),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export type ProviderList = z.infer<typeof ProviderList>;

export const ProviderHistory = z.object({
  versions: z.array(
    z.object({
      version: z.number(),
      source: z.enum(['edit', 'import', 'seed']),
      changedAt: z.string(),
      changedBy: z.string().nullable().describe('Display name; null for an import or the seed'),
      changes: z
        .array(z.string())
        .describe('Fields that differ from the previous version (all set fields for the first)'),
      snapshot: z.record(z.string(), z.unknown()),
    }),
  ),
});

export type ProviderHistory = z.infer<typeof ProviderHistory>;

/** The details of a 409 on a directory entry: who saved which fields since the version you had. */
export const ProviderConflictDetails = z.object({
  yourVersion: z.number(),
  currentVersion: z.number(),
  changes: z.array(z.object({ version: z.number(), at: z.string(), by: z.string(), fields: z.array(z.string()) })),
});
export type ProviderConflictDetails = z.infer<typeof ProviderConflictDetails>;

export const ServiceView = z.object({
  key: z.string(),
  name: z.object({ en: z.string(), es: z.string() }),
  category: z.enum(SERVICE_CATEGORIES),
  county: z.boolean().describe("true: your county's own entry; false: shared"),
});
export type ServiceView = z.infer<typeof ServiceView>;
export const ServiceList = z.object({ services: z.array(ServiceView) });
export type ServiceList = z.infer<typeof ServiceList>;

export const ServiceCreate = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[a-z0-9_]{2,60}$/, 'use 2 to 60 lowercase letters, digits and _ (for example peer_mentoring)'),
    name: z
      .object({
        en: name(120),
        es: name(120),
      })
      .strict(),
    category: z.enum(SERVICE_CATEGORIES),
  })
  .strict();

export const ContactFields = z.object({
  organizationId: id(),
  name: name(200),
  title: optionalLine(200),
  phone: directoryPhone().nullable().optional(),
  email: email().nullable().optional(),
  notes: optionalText(2000),
});
export const ContactCreate = ContactFields.strict();
export const ContactPatch = ContactFields.partial()
  .extend({ version: z.number().int().min(1) })
  .strict();
export const ContactId = z.object({ id: id() });
export const ContactView = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  organizationType: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
export type ContactView = z.infer<typeof ContactView>;
export const ContactList = z.object({ contacts: z.array(ContactView) });
export type ContactList = z.infer<typeof ContactList>;
