// Sign-in, two-step verification, the session and sign-out.
import { z } from 'zod';
import { AbilitySchema } from './abilities.js';
import { line } from './primitives.js';

export const MFA_STATES = ['verified', 'required', 'enrollment_required', 'not_required'] as const;
export type MfaState = (typeof MFA_STATES)[number];

export const SessionView = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(z.string()),
    organization: z.object({ id: z.string(), name: z.string(), type: z.string() }),
    county: z.object({ id: z.string(), name: z.string(), code: z.string() }),
  }),
  abilities: z
    .array(AbilitySchema)
    .describe("What the user's roles may do (src/access/abilities.ts); the web shows the same doors the server opens"),
  mfa: z.enum(MFA_STATES),
  complete: z.boolean(),
  csrfToken: z.string(),
});
export type SessionView = z.infer<typeof SessionView>;

/** The password is taken as typed (no trimming); control characters never reach it (the input guard). */
export const LoginBody = z.object({ email: line({ min: 3, max: 320 }), password: z.string().min(1).max(256) });

export const MfaCode = z.object({ code: z.string().regex(/^\s*\d{3}\s?\d{3}\s*$/, 'enter the 6-digit code') });

export const MfaEnrollment = z.object({ secret: z.string(), otpauthUri: z.string(), qrSvg: z.string() });
export type MfaEnrollment = z.infer<typeof MfaEnrollment>;

export const SignedOut = z.object({ status: z.literal('signed_out') });
