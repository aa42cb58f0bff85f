// GET /api/reports/compliance (src/features/compliance/compliance-report.ts) and who may read it.
import type { Localized, SessionView } from '../types';

export interface ComplianceReport {
  from: string;
  to: string;
  targetMinutes: number;
  mdtOnTime: { tier: 'crisis' | 'initial' | 'ongoing'; due: number; heldOnTime: number; share: number | null }[];
  arrivals: {
    organization: string;
    notified: number;
    arrived: number;
    withinTarget: number;
    share: number | null;
    medianMinutes: number | null;
  }[];
  obligations: {
    kind: string;
    label: string;
    labels?: Localized;
    organization: string;
    metOnTime: number;
    metLate: number;
    missed: number;
    waived: number;
    open: number;
  }[];
}

/** The roles the server's compliance policy allows. */
const COMPLIANCE_ROLES = ['supervisor', 'county_admin', 'county_analyst'];

export function canSeeCompliance(session: SessionView): boolean {
  return session.user.roles.some((r) => COMPLIANCE_ROLES.includes(r));
}
