// Screening instruments: the county's list (current version of each) and one version, complete.
import { z } from 'zod';
import { InstrumentDefinitionSchema } from '../domain/instruments.js';
import { id } from './primitives.js';
import { Localized } from './screenings.js';

export type {
  InstrumentDefinition,
  Item as InstrumentItem,
  Scale,
  Section as InstrumentSection,
} from '../domain/instruments.js';

export const InstrumentSummary = z.object({
  versionId: z.string(),
  key: z.string(),
  version: z.number(),
  name: Localized,
  description: Localized,
  audience: Localized.nullable(),
  demonstration: z.boolean(),
  county: z.boolean().describe('true when your county loaded it; false when shipped with Harbor'),
});
export type InstrumentSummary = z.infer<typeof InstrumentSummary>;

export const InstrumentList = z.object({ instruments: z.array(InstrumentSummary) });
export type InstrumentList = z.infer<typeof InstrumentList>;

export const InstrumentVersionParams = z.object({ versionId: id() });

export const InstrumentVersionView = z.object({
  versionId: z.string(),
  version: z.number(),
  retired: z.boolean(),
  definition: InstrumentDefinitionSchema,
});
export type InstrumentVersionView = z.infer<typeof InstrumentVersionView>;
export type ScaleOption = import('../domain/instruments.js').Scale['options'][number];
