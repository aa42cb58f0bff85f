import { z } from 'zod';
import { FUNDING_SOURCES, SERVICE_STATUSES } from '../domain/services.js';
import { freeText, id, isoDateTime, line } from './primitives.js';
import { YouthId } from './youth.js';

const when = isoDateTime();

export const ServiceEpisodeCreate = z
  .object({
    serviceKey: z
      .string()
      .max(60)
      .regex(/^[a-z0-9_]+$/, 'is not a service key'),
    providerId: id().nullable().optional(),
    referredAt: when.optional().describe('Default: now'),
    startedAt: when.nullable().optional(),
    endedAt: when.nullable().optional(),
    status: z.enum(SERVICE_STATUSES).default('referred'),
    endReason: line({ max: 500 }).nullable().optional(),
    fundingSource: z.enum(FUNDING_SOURCES).nullable().optional(),
    notes: freeText({ max: 5000 }).nullable().optional(),
  })
  .strict();

export const ServiceEpisodeUpdate = z
  .object({
    version: z.number().int().min(1),
    providerId: id().nullable().optional(),
    startedAt: when.nullable().optional(),
    endedAt: when.nullable().optional(),
    status: z.enum(SERVICE_STATUSES).optional(),
    endReason: line({ max: 500 }).nullable().optional(),
    fundingSource: z.enum(FUNDING_SOURCES).nullable().optional(),
    notes: freeText({ max: 5000 }).nullable().optional(),
  })
  .strict();

export const ServiceEpisodeParams = YouthId.extend({ episodeId: id() });

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
export type ServiceEpisodeView = ServiceEpisodeViewT;

export const ServiceEpisodeList = z.object({ episodes: z.array(ServiceEpisodeView), hiddenCount: z.number() });
export type ServiceEpisodeList = z.infer<typeof ServiceEpisodeList>;
