import { sql } from 'drizzle-orm';
import { can as hasAbility } from '../../access/abilities.js';
import type { YouthScope } from '../../access/checkpoint.js';
import type { YouthContext } from '../../access/contexts.js';
import { FIELD_CATEGORIES, YOUTH_FIELD_CATEGORY, type FieldCategory } from '../../domain/field-categories.js';
import { selectRows } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { stateClientIdSql } from './display-name.js';
import type { YouthViewT } from '../../contract/youth.js';

/** Reads a youth's record, returning only the fields the user's grant covers. */
export function getYouth(repo: YouthContext, youthId: string): Promise<YouthViewT> {
  // Identity only: readYouth projects the other categories by the grant and names the hidden ones.
  return repo.forYouth(youthId, 'youth.read', { read: ['identity'] }, (scope) => readYouth(scope));
}

interface YouthRow {
  id: string;
  version: number;
  legal_first_name: string | null;
  legal_last_name: string | null;
  preferred_name: string | null;
  date_of_birth: string | null;
  sex: string | null;
  state_client_id: string | null;
  gender_identity: string | null;
  pronouns: string | null;
  sexual_orientation: string | null;
  race_ethnicity: string[];
  primary_language: string | null;
  spa_number: number | null;
  spa_name: string | null;
  phone: string | null;
  email: string | null;
  entry_pathway: string | null;
  dual_status: boolean;
  aliases: string[] | null;
  identifiers: { system: 'cws_cms' | 'probation' | 'other'; value: string }[] | null;
  cases:
    | {
        id: string;
        kind: string;
        externalId: string | null;
        organization: string | null;
        openedOn: string;
        closedOn: string | null;
      }[]
    | null;
  referrals:
    | {
        id: string;
        externalId: string | null;
        organization: string | null;
        receivedAt: string;
        disposition: string | null;
        dispositionAt: string | null;
        specialProjectCodes: string[];
        version: number;
      }[]
    | null;
  assignments:
    | { id: string; worker: string; organization: string; role: string; startsAt: string; endsAt: string | null }[]
    | null;
}

const iso = (t: string) => new Date(t).toISOString();

// The record and its lists in one statement: each round trip inside the audited transaction
// costs more than the work it carries (docs/BENCHMARKS.md). Lists are read only when granted.
function youthQuery(youthId: string, withLists: boolean) {
  const lists = withLists
    ? sql`,
      (SELECT json_agg(a.alias ORDER BY a.alias) FROM youth_aliases a WHERE a.youth_id = y.id) AS aliases,
      (SELECT json_agg(json_build_object('system', i.system, 'value', i.value) ORDER BY i.system, i.value)
         FROM youth_identifiers i WHERE i.youth_id = y.id) AS identifiers,
      (SELECT json_agg(json_build_object('id', c.id, 'kind', c.kind, 'externalId', c.external_id, 'organization', o.name,
              'openedOn', c.opened_on, 'closedOn', c.closed_on) ORDER BY c.opened_on DESC)
         FROM cases c LEFT JOIN organizations o ON o.id = c.organization_id WHERE c.youth_id = y.id) AS cases,
      (SELECT json_agg(json_build_object('id', r.id, 'externalId', r.external_id, 'organization', o.name,
              'receivedAt', r.received_at, 'disposition', r.disposition, 'dispositionAt', r.disposition_at,
              'specialProjectCodes', r.special_project_codes, 'version', r.version)
              ORDER BY r.received_at DESC)
         FROM referrals r LEFT JOIN organizations o ON o.id = r.organization_id WHERE r.youth_id = y.id) AS referrals,
      (SELECT json_agg(json_build_object('id', p.id, 'worker', p.worker, 'organization', p.organization, 'role', p.role,
              'startsAt', p.starts_at, 'endsAt', p.ends_at) ORDER BY p.starts_at)
         FROM (SELECT a.id, u.display_name AS worker, o.name AS organization, a.role, a.starts_at, a.ends_at
                 FROM assignments a JOIN users u ON u.id = a.user_id JOIN organizations o ON o.id = a.organization_id
                WHERE a.youth_id = y.id AND (a.ends_at IS NULL OR a.ends_at > now())
                  -- An advocate assigned through an open referral is listed once, from the referral.
                  AND NOT (a.role = 'advocate' AND EXISTS (
                        SELECT 1 FROM advocacy_referrals ar2 WHERE ar2.youth_id = y.id
                           AND ar2.advocate_user_id = a.user_id
                           AND ar2.state IN ('advocate_assigned', 'first_contact', 'engaged')))
               UNION ALL
               -- The advocate of an open advocacy referral, so this list and the Advocacy section agree.
               -- An advocate assigned directly (no referral) stays listed above: whoever can open the
               -- record is shown here.
               SELECT ar.id, u.display_name, o.name, 'advocate', ar.advocate_assigned_at, NULL
                 FROM advocacy_referrals ar JOIN users u ON u.id = ar.advocate_user_id
                 JOIN organizations o ON o.id = ar.organization_id
                WHERE ar.youth_id = y.id AND ar.state IN ('advocate_assigned', 'first_contact', 'engaged')) p) AS assignments`
    : sql``;
  return sql`SELECT y.id, y.version, y.legal_first_name, y.legal_last_name, y.preferred_name,
      y.date_of_birth::text AS date_of_birth, y.sex, ${stateClientIdSql('y')} AS state_client_id,
      y.gender_identity, y.pronouns, y.sexual_orientation, y.race_ethnicity,
      y.primary_language, y.spa_number, s.name AS spa_name, y.phone, y.email, y.entry_pathway, y.dual_status${lists}
    FROM youth y LEFT JOIN service_planning_areas s ON s.county_id = y.county_id AND s.number = y.spa_number
   WHERE y.id = ${youthId}`;
}

export async function readYouth(scope: YouthScope): Promise<YouthViewT> {
  const { tx, youthId, grant } = scope;
  const can = (c: FieldCategory) => grant.read.has(c);
  const [r] = await selectRows<YouthRow>(tx, youthQuery(youthId, can('identity')));
  if (!r) throw notFound('youth');
  const view: YouthViewT = {
    id: r.id,
    version: r.version,
    hiddenCategories: FIELD_CATEGORIES.filter((c) => !can(c)),
    permissions: {
      canEdit: grant.write.has('identity'),
      canViewAccessLog: hasAbility(scope.actor, 'youth.access_log'),
    },
  };
  const recordIds = [r.id];
  if (can('identity')) {
    const cases = r.cases ?? [];
    const referrals = r.referrals ?? [];
    Object.assign(view, {
      legalFirstName: r.legal_first_name,
      legalLastName: r.legal_last_name,
      preferredName: r.preferred_name,
      dateOfBirth: r.date_of_birth,
      stateClientId: r.state_client_id,
      sex: r.sex,
      genderIdentity: r.gender_identity,
      pronouns: r.pronouns,
      sexualOrientation: r.sexual_orientation,
      raceEthnicity: r.race_ethnicity,
      primaryLanguage: r.primary_language,
      spa: r.spa_number === null ? null : { number: r.spa_number, name: r.spa_name ?? '' },
      entryPathway: r.entry_pathway,
      aliases: r.aliases ?? [],
      identifiers: r.identifiers ?? [],
      cases,
      referrals: referrals.map((x) => ({
        ...x,
        receivedAt: iso(x.receivedAt),
        dispositionAt: x.dispositionAt === null ? null : iso(x.dispositionAt),
      })),
      assignments: (r.assignments ?? []).map((a) => ({
        ...a,
        startsAt: iso(a.startsAt),
        endsAt: a.endsAt && iso(a.endsAt),
      })),
    });
    recordIds.push(...cases.map((c) => c.id), ...referrals.map((x) => x.id));
  }
  if (can('contact_location')) Object.assign(view, { phone: r.phone, email: r.email });
  if (can('court')) Object.assign(view, { dualStatus: r.dual_status });
  const touched = new Set<FieldCategory>();
  for (const [field, category] of Object.entries(YOUTH_FIELD_CATEGORY)) if (field in view) touched.add(category);
  scope.touch(touched, recordIds);
  return view;
}
