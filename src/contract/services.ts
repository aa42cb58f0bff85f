import { z } from 'zod';
import { FUNDING_SOURCES, SERVICE_STATUSES } from '../../domain/services.js';

const when = z.string().datetime({ offset: true });

export const ServiceEpisodeCreate = z
  .object({
    serviceKey: z.string().regex(/^[a-z0-9_]+$/, 'is not a service key'),
    providerId: z.string().uuid('is not a provider id').nullable().optional(),
    referredAt: when.optional().describe('Default: now'),
    startedAt: when.nullable().optional(),
    endedAt: when.nullable().optional(),
    status: z.enum(SERVICE_STATUSES).default('referred'),
    endReason: z.string().trim().max(500).nullable().optional(),
    fundingSource: z.enum(FUNDING_SOURCES).nullable().optional(),
    notes: z.string().max(5000).nullable().optional(),
  })
  .strict();

export const ServiceEpisodeUpdate = z
  .object({
    version: z.number().int().min(1),
    providerId: z.string().uuid().nullable().optional(),
    startedAt: when.nullable().optional(),
    endedAt: when.nullable().optional(),
    status: z.enum(SERVICE_STATUSES).optional(),
    endReason: z.string().trim().max(500).nullable().optional(),
    fundingSource: z.enum(FUNDING_SOURCES).nullable().optional(),
    notes: z.string().max(5000).nullable().optional(),
  })
  .strict();

export const ServiceEpisodeView = z.object({
  id: z.string(),
  service: z.object({ key: z.string(), name: z.object({ en: z.string(), es: z.string() }), category: z.string() }),
  provider: z.object({ id: z.string(), name: z.string() }).nullable(),
  referredBy: z.string(),
  referredByOrganization: z.string(),
  referredAt: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  status: z.enum(SERVICE_STATUSES),
  endReason: z.string().nullable(),
  fundingSource: z.string().nullable(),
  /** Null with notesHidden when the notes belong to another organization. */
  notes: z.string().nullable(),
  notesHidden: z.boolean(),
  version: z.number(),
});
export type ServiceEpisodeViewT = z.infer<typeof ServiceEpisodeView>;
