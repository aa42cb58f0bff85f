// Fictional advocacy for the demo county (issue 6): a contract for each LA CBO with the probation
// department, vetting for every LA advocate (most fully vetted, one clearance about to expire,
// one approval lapsed), about two years of referrals in every state with their events, first-
// contact obligations, milestones and the service episodes advocates linked youth to, and a few
// performance issues. Deterministic: the demo's seeded faker, called after everything else.
import type { Faker } from '@faker-js/faker';
import type { RawConnection } from '../db/client.js';
import {
  CONTRACT_SERVICES,
  MILESTONE_SERVICE,
  type ContractService,
  type MilestoneKind,
  type ReferralState,
} from '../domain/advocacy.js';
import { LOS_ANGELES } from '../domain/geography.js';
import { SERVICE_CATALOG } from '../domain/services.js';

interface DemoYouthRef {
  youthId: string;
  countyId: string;
  workerId: string;
  organizationId: string;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

interface Cbo {
  id: string;
  contractId: string;
  services: ContractService[];
  firstContactHours: number;
  advocates: string[];
  /** Who accepts, declines and assigns: the CBO administrator when there is one, else an advocate. */
  intake: string;
}

export async function seedAdvocacy(conn: RawConnection, faker: Faker, youth: DemoYouthRef[], now: Date) {
  const [la] = await conn.query<{ id: string }>('SELECT id FROM counties WHERE code = $1', [LOS_ANGELES.code]);
  if (!la) return { advocacyReferrals: 0 };
  const countyId = la.id;
  const laYouth = youth.filter((y) => y.countyId === countyId);
  const [probation] = await conn.query<{ id: string }>(
    "SELECT id FROM organizations WHERE county_id = $1 AND type = 'probation' ORDER BY name LIMIT 1",
    [countyId],
  );
  const [admin] = await conn.query<{ id: string }>("SELECT id FROM users WHERE email = 'admin@la.demo'");
  const [analyst] = await conn.query<{ id: string }>("SELECT id FROM users WHERE email = 'analyst@la.demo'");
  const orgs = await conn.query<{ id: string }>(
    "SELECT id FROM organizations WHERE county_id = $1 AND type = 'advocacy_cbo' ORDER BY name",
    [countyId],
  );
  const staff = await conn.query<{ id: string; organization_id: string; roles: string[]; email: string }>(
    `SELECT u.id, u.organization_id, u.roles, u.email FROM users u JOIN organizations o ON o.id = u.organization_id
      WHERE u.county_id = $1 AND o.type = 'advocacy_cbo' ORDER BY (u.email = 'advocate@la.demo') DESC, u.email`,
    [countyId],
  );
  if (!probation || !admin || !analyst) return { advocacyReferrals: 0 };
  const keiko = staff.find((s) => s.email === 'advocate@la.demo')?.id;

  // Contracts: two and a half years back, a year ahead; the third CBO does not do testimony support.
  const cbos: Cbo[] = [];
  for (const [i, org] of orgs.entries()) {
    const services = i === 2 ? CONTRACT_SERVICES.filter((s) => s !== 'testimony_support') : [...CONTRACT_SERVICES];
    const firstContactHours = i === 1 ? 48 : 24;
    const [c] = await conn.query<{ id: string }>(
      `INSERT INTO advocacy_contracts (county_id, organization_id, contracting_organization_id, reference, starts_on, ends_on, funding_source,
         services, capacity, first_contact_hours, response_terms, document_refs, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        countyId,
        org.id,
        probation.id,
        `PROB-CSEC-ADV-${2024 + i}-${String(i + 1).padStart(3, '0')}`,
        day(new Date(now.getTime() - 900 * DAY)),
        day(new Date(now.getTime() + 365 * DAY)),
        faker.helpers.arrayElement([
          'SB 855 CSEC Program allocation',
          'County general fund',
          'Title IV-E administrative match',
        ]),
        services,
        [30, 20, 15][i] ?? 15,
        firstContactHours,
        `First contact within ${firstContactHours} hours of referral; crisis response within 90 minutes when urgent.`,
        [`contracts/probation/advocacy-${i + 1}.pdf (fictional)`],
        admin.id,
      ],
    );
    const advocates = staff
      .filter((s) => s.organization_id === org.id && s.roles.includes('advocate'))
      .map((s) => s.id);
    const orgAdmin = staff.find((s) => s.organization_id === org.id && s.roles.includes('org_admin'))?.id;
    cbos.push({
      id: org.id,
      contractId: c!.id,
      services,
      firstContactHours,
      advocates,
      intake: orgAdmin ?? advocates[0] ?? admin.id,
    });
  }

  // Vetting: everyone fully vetted, except one clearance ending soon and one approval lapsed.
  const allAdvocates = cbos.flatMap((c) => c.advocates);
  const others = allAdvocates.filter((a) => a !== keiko);
  const expiringSoon = others[0];
  const lapsed = others[others.length - 1];
  const ago = (days: number) => day(new Date(now.getTime() - days * DAY));
  for (const a of allAdvocates) {
    const vettedDaysAgo = faker.number.int({ min: 760, max: 820 });
    await conn.query(
      `INSERT INTO advocate_clearances (county_id, user_id, kind, cleared_on, expires_on, recorded_by) VALUES
         ($1, $2, 'background', $3, $4, $5), ($1, $2, 'security', $3, $6, $5)`,
      [countyId, a, ago(vettedDaysAgo), ago(-3 * 365), admin.id, a === expiringSoon ? ago(-18) : ago(-2 * 365)],
    );
    for (const key of ['csec_101', 'csec_102', 'county_protocol']) {
      await conn.query(
        'INSERT INTO advocate_trainings (county_id, user_id, training_key, completed_on, expires_on, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)',
        [
          countyId,
          a,
          key,
          ago(vettedDaysAgo - faker.number.int({ min: 1, max: 20 })),
          key === 'county_protocol' ? ago(-400) : null,
          admin.id,
        ],
      );
    }
    await conn.query(
      `INSERT INTO advocate_approvals (county_id, user_id, contracting_organization_id, approved_by, approved_on, approved_until)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [countyId, a, probation.id, admin.id, ago(vettedDaysAgo - 25), a === lapsed ? ago(20) : ago(-365)],
    );
  }

  // Referrals. The first few walk through every state, and the demo advocate holds open ones.
  const catalog = SERVICE_CATALOG.filter((s) => s.key !== 'other');
  const forced: { state: ReferralState; cbo: number; advocate?: string }[] = [
    { state: 'engaged', cbo: 0, advocate: keiko },
    { state: 'first_contact', cbo: 0, advocate: keiko },
    { state: 'advocate_assigned', cbo: 0, advocate: keiko },
    { state: 'sent', cbo: 0 },
    { state: 'accepted', cbo: 1 },
    { state: 'declined', cbo: 2 },
    { state: 'closed', cbo: 1 },
  ];
  const total = Math.max(forced.length + 20, Math.round(laYouth.length * 0.6));
  const stats = { advocacyReferrals: 0, advocacyMilestones: 0, performanceIssues: 0 };
  for (let n = 0; n < total && laYouth.length > 0; n++) {
    const f = forced[n];
    const y = laYouth[n % laYouth.length]!;
    const cbo =
      cbos[
        f
          ? f.cbo
          : faker.helpers.weightedArrayElement([
              { value: 0, weight: 5 },
              { value: 1, weight: 3 },
              { value: 2, weight: 2 },
            ])
      ]!;
    // Forced open ones are recent; the rest spread over two years.
    const referredAt =
      f && f.state !== 'closed' && f.state !== 'declined'
        ? new Date(now.getTime() - faker.number.int({ min: 72, max: 20 * 24 }) * HOUR)
        : faker.date.between({ from: new Date(now.getTime() - 730 * DAY), to: new Date(now.getTime() - 2 * HOUR) });
    const target: ReferralState = f?.state ?? (faker.number.float() < 0.1 ? 'declined' : 'closed');
    // The advocate whose approval lapsed is never given new work in the demo.
    const pool = cbo.advocates.filter((a) => a !== lapsed);
    const advocate = f?.advocate ?? (pool.length ? faker.helpers.arrayElement(pool) : undefined);
    await seedReferral(conn, faker, { countyId, youth: y, cbo, referredAt, target, advocate, now, catalog, stats });
    stats.advocacyReferrals++;
  }

  // A few performance issues, open and resolved.
  const issues: [number, string, string, string, string, string | null][] = [
    [
      1,
      'responsiveness',
      'Several first contacts came after the 48-hour term during the summer.',
      'moderate',
      'Add a weekend on-call advocate.',
      null,
    ],
    [
      2,
      'staffing_and_vetting',
      'An advocate kept working a case after the department approval lapsed.',
      'high',
      'Track approval end dates on the CBO worklist and renew 30 days ahead.',
      null,
    ],
    [
      0,
      'documentation',
      'Milestones were recorded weeks after they happened.',
      'low',
      'Record milestones within two working days.',
      'Weekly documentation review in place; timeliness back above 90%.',
    ],
    [
      2,
      'contract_compliance',
      'Quarterly contract reports arrived late twice.',
      'low',
      'Submit reports by the 15th of the following month.',
      null,
    ],
  ];
  for (const [i, [cboIndex, category, description, severity, recommendation, resolution]] of issues.entries()) {
    const cbo = cbos[cboIndex];
    if (!cbo) continue;
    const raised = new Date(now.getTime() - (300 - i * 60) * DAY);
    await conn.query(
      `INSERT INTO performance_issues (county_id, organization_id, contract_id, raised_on, category, description, severity, recommendation,
         owner_user_id, status, resolution, resolved_on, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        countyId,
        cbo.id,
        cbo.contractId,
        day(raised),
        category,
        description,
        severity,
        recommendation,
        cbo.intake,
        resolution ? 'resolved' : i === 1 ? 'in_progress' : 'open',
        resolution,
        resolution ? day(new Date(raised.getTime() + 75 * DAY)) : null,
        analyst.id,
      ],
    );
    stats.performanceIssues++;
  }
  return stats;
}

interface ReferralPlan {
  countyId: string;
  youth: DemoYouthRef;
  cbo: Cbo;
  referredAt: Date;
  target: ReferralState;
  advocate: string | undefined;
  now: Date;
  catalog: typeof SERVICE_CATALOG;
  stats: { advocacyMilestones: number };
}

const ORDER: ReferralState[] = ['sent', 'accepted', 'advocate_assigned', 'first_contact', 'engaged', 'closed'];

/** One referral walked from sent to its target state, stopping early where time runs out. */
async function seedReferral(conn: RawConnection, faker: Faker, p: ReferralPlan) {
  const { cbo, now } = p;
  const times: Partial<Record<ReferralState, Date>> = { sent: p.referredAt };
  let state: ReferralState = 'sent';
  const late = faker.number.float() < 0.2;
  const nextAt: Record<string, (prev: Date) => Date> = {
    accepted: (prev) => new Date(prev.getTime() + faker.number.int({ min: 1, max: 8 }) * HOUR),
    advocate_assigned: (prev) => new Date(prev.getTime() + faker.number.int({ min: 1, max: 6 }) * HOUR),
    first_contact: (prev) =>
      new Date(
        Math.max(
          prev.getTime() + HOUR,
          p.referredAt.getTime() +
            (late
              ? cbo.firstContactHours + faker.number.int({ min: 2, max: 60 })
              : faker.number.int({ min: 2, max: cbo.firstContactHours - 1 })) *
              HOUR,
        ),
      ),
    engaged: (prev) => new Date(prev.getTime() + faker.number.int({ min: 1, max: 14 }) * DAY),
    closed: (prev) => new Date(prev.getTime() + faker.number.int({ min: 20, max: 200 }) * DAY),
  };
  // A closed referral usually ran its course; sometimes it ended early (the youth could not be reached).
  const stopBefore =
    p.target === 'closed' && faker.number.float() < 0.15
      ? faker.helpers.arrayElement(['accepted', 'advocate_assigned', 'first_contact'] as const)
      : null;
  let closeReason: string | null = null;
  let declineReason: string | null = null;
  if (p.target === 'declined') {
    times.declined = nextAt.accepted!(p.referredAt);
    state = 'declined';
    declineReason = faker.helpers.weightedArrayElement([
      { value: 'at_capacity', weight: 4 },
      { value: 'outside_service_area', weight: 2 },
      { value: 'youth_already_served', weight: 1 },
      { value: 'other', weight: 1 },
    ]);
  } else if (p.advocate || p.target === 'sent' || p.target === 'accepted') {
    for (const s of ORDER.slice(1)) {
      if (ORDER.indexOf(s) > ORDER.indexOf(p.target)) break;
      if (s !== 'closed' && stopBefore && ORDER.indexOf(s) >= ORDER.indexOf(stopBefore)) continue;
      const at = nextAt[s]!(times[state]!);
      if (at.getTime() >= now.getTime()) break;
      times[s] = at;
      state = s;
    }
    if (state === 'closed') {
      closeReason = !times.first_contact
        ? 'unable_to_reach'
        : faker.helpers.weightedArrayElement([
            { value: 'goals_met', weight: 6 },
            { value: 'youth_declined_services', weight: 2 },
            { value: 'moved_away', weight: 1 },
            { value: 'aged_out', weight: 1 },
          ]);
    }
  }
  const advocate = times.advocate_assigned ? p.advocate! : null;
  const iso = (s: ReferralState) => times[s]?.toISOString() ?? null;
  const [row] = await conn.query<{ id: string }>(
    `INSERT INTO advocacy_referrals (county_id, youth_id, organization_id, contract_id, referred_by, referred_by_organization_id, referred_at, reason, urgency,
       state, accepted_at, declined_at, decline_reason, advocate_user_id, advocate_assigned_at, first_contact_at, engaged_at, closed_at, close_reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) RETURNING id`,
    [
      p.countyId,
      p.youth.youthId,
      cbo.id,
      cbo.contractId,
      p.youth.workerId,
      p.youth.organizationId,
      iso('sent'),
      faker.helpers.arrayElement([
        'Identified as CSEC at intake; needs a survivor advocate.',
        'Returned from runaway episode; disclosed exploitation.',
        'Screened high risk; agreed to meet an advocate.',
        'Court requested advocacy support before testimony.',
      ]),
      faker.helpers.weightedArrayElement([
        { value: 'routine', weight: 6 },
        { value: 'urgent', weight: 3 },
        { value: 'emergency', weight: 1 },
      ]),
      state,
      iso('accepted'),
      iso('declined'),
      declineReason,
      advocate,
      iso('advocate_assigned'),
      iso('first_contact'),
      iso('engaged'),
      iso('closed'),
      closeReason,
    ],
  );
  const id = row!.id;
  for (const s of [
    'sent',
    'accepted',
    'declined',
    'advocate_assigned',
    'first_contact',
    'engaged',
    'closed',
  ] as const) {
    if (!times[s]) continue;
    const by =
      s === 'sent'
        ? p.youth.workerId
        : ['accepted', 'declined', 'advocate_assigned'].includes(s) || !advocate
          ? cbo.intake
          : advocate;
    const detail =
      s === 'declined'
        ? { reason: declineReason }
        : s === 'closed'
          ? { reason: closeReason, side: advocate ? 'advocate' : 'organization' }
          : s === 'advocate_assigned'
            ? { advocateUserId: advocate }
            : {};
    await conn.query(
      'INSERT INTO advocacy_referral_events (referral_id, county_id, state, at, recorded_by, detail) VALUES ($1, $2, $3, $4, $5, $6)',
      [id, p.countyId, s, iso(s), by, JSON.stringify(detail)],
    );
  }
  // The first-contact obligation, in the status its history gives it.
  const due = new Date(p.referredAt.getTime() + cbo.firstContactHours * HOUR);
  const contact = times.first_contact;
  const ended = times.declined ?? (times.closed && !contact ? times.closed : null);
  const status = contact ? 'met' : ended ? 'waived' : due < now ? 'missed' : 'open';
  await conn.query(
    `INSERT INTO obligations (county_id, youth_id, kind, source_kind, source_id, due_at, owner_user_id, owner_organization_id, status,
       met_at, met_by, met_record, missed_at, waived_at, waived_by, waive_reason)
     VALUES ($1, $2, 'advocacy_first_contact', 'advocacy_referral', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      p.countyId,
      p.youth.youthId,
      id,
      due.toISOString(),
      advocate,
      cbo.id,
      status,
      contact?.toISOString() ?? null,
      contact ? advocate : null,
      contact ? JSON.stringify({ contactedAt: contact.toISOString() }) : null,
      status === 'missed' ? due.toISOString() : null,
      ended?.toISOString() ?? null,
      ended ? cbo.intake : null,
      ended
        ? times.declined
          ? `Referral declined by the organization (${declineReason}).`
          : `Referral closed before first contact (${closeReason}).`
        : null,
    ],
  );
  // Milestones of the contracted services, once the advocate has reached the youth.
  if (!contact) return;
  const last = times.closed ?? now;
  const kinds = (Object.keys(MILESTONE_SERVICE) as MilestoneKind[]).filter(
    (k) =>
      cbo.services.includes(MILESTONE_SERVICE[k]) && (k !== 'testimony_support_given' || faker.number.float() < 0.2),
  );
  for (const kind of kinds) {
    if (kind !== 'crisis_response_given' && faker.number.float() < 0.3) continue;
    const at =
      kind === 'crisis_response_given'
        ? contact
        : new Date(Math.min(contact.getTime() + faker.number.int({ min: 1, max: 40 }) * DAY, last.getTime() - HOUR));
    if (at < contact) continue;
    let episode: string | null = null;
    if (kind === 'linked_to_service') {
      const service = faker.helpers.arrayElement(p.catalog);
      const start =
        faker.number.float() < 0.8 ? new Date(at.getTime() + faker.number.int({ min: 1, max: 75 }) * DAY) : null;
      const started = start && start < now ? start : null;
      const [ep] = await conn.query<{ id: string }>(
        `INSERT INTO service_episodes (youth_id, county_id, service_key, referred_by, referred_by_organization_id, referred_at, started_at, status, funding_source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          p.youth.youthId,
          p.countyId,
          service.key,
          advocate,
          cbo.id,
          at.toISOString(),
          started?.toISOString() ?? null,
          started ? 'active' : 'referred',
          'sb855_csec_program',
        ],
      );
      episode = ep!.id;
    }
    await conn.query(
      'INSERT INTO advocacy_milestones (referral_id, county_id, youth_id, kind, at, service_episode_id, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [id, p.countyId, p.youth.youthId, kind, at.toISOString(), episode, advocate],
    );
    p.stats.advocacyMilestones++;
  }
}
