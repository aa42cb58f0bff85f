// Safety plans written with the youth: versioned, never overwritten.
import { z } from 'zod';
import { freeText, line } from './primitives.js';

const text = () => freeText({ min: 3, max: 4000 });

export const SafetyPlanCreate = z
  .object({
    warningSigns: text(),
    safePeople: text(),
    safePlaces: text(),
    ifContacted: text().describe('What the youth will do if an exploiter makes contact'),
    reachAdvocate: text().describe('How to reach the advocate'),
    writtenWithYouth: z.boolean(),
    reason: line({ max: 500 }).nullable().optional().describe('Why a new version (e.g. placement change)'),
  })
  .strict();

export const SafetyPlanView = z.object({
  id: z.string(),
  version: z.number(),
  warningSigns: z.string(),
  safePeople: z.string(),
  safePlaces: z.string(),
  ifContacted: z.string(),
  reachAdvocate: z.string(),
  writtenWithYouth: z.boolean(),
  reason: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type SafetyPlanView = z.infer<typeof SafetyPlanView>;

export const SAFETY_PLAN_REVIEW_REASONS = ['no_plan', 'placement_change', 'missing_return'] as const;

export const SafetyPlanList = z.object({
  plans: z.array(SafetyPlanView),
  reviewDue: z.object({ reason: z.enum(SAFETY_PLAN_REVIEW_REASONS) }).nullable(),
});
export type SafetyPlanList = z.infer<typeof SafetyPlanList>;
