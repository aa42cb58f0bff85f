// Inserts reference and fictional data through the system connection (no checkpoint): used by
// the demo seed, the CLI's user commands and test fixtures. Never reachable from a route.
import type { RawConnection } from '../db/client.js';
import type { CountyDefinition } from '../domain/geography.js';
import type { CaseKind, IdentifierSystem, OrganizationType, Role } from '../domain/people.js';
import { hashPassword } from '../features/auth/passwords.js';

export class Builder {
  constructor(private readonly database: RawConnection) {}

  async county(def: CountyDefinition): Promise<string> {
    const [row] = await this.database.query<{ id: string }>(
      `INSERT INTO counties (code, name, runs_harbor) VALUES ($1, $2, true)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, runs_harbor = true RETURNING id`,
      [def.code, def.name],
    );
    for (const spa of def.spas) {
      await this.database.query(
        `INSERT INTO service_planning_areas (county_id, number, name) VALUES ($1, $2, $3)
         ON CONFLICT (county_id, number) DO UPDATE SET name = EXCLUDED.name`,
        [row!.id, spa.number, spa.name],
      );
    }
    return row!.id;
  }

  async organization(countyId: string, name: string, type: OrganizationType): Promise<string> {
    const [row] = await this.database.query<{ id: string }>(
      `INSERT INTO organizations (county_id, name, type) VALUES ($1, $2, $3)
       ON CONFLICT (county_id, name) DO UPDATE SET type = EXCLUDED.type RETURNING id`,
      [countyId, name, type],
    );
    return row!.id;
  }

  async user(u: {
    countyId: string;
    organizationId: string;
    email: string;
    displayName: string;
    roles: Role[];
    supervisorId?: string | null;
    password?: string | null;
    /** A precomputed hash, to avoid hashing the same password many times. */
    passwordHash?: string | null;
  }): Promise<string> {
    const hash = u.passwordHash ?? (u.password ? await hashPassword(u.password) : null);
    const [row] = await this.database.query<{ id: string }>(
      `INSERT INTO users (county_id, organization_id, email, display_name, roles, supervisor_id, password_hash,
                          password_changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $7::text IS NULL THEN NULL ELSE now() END) RETURNING id`,
      [u.countyId, u.organizationId, u.email, u.displayName, u.roles, u.supervisorId ?? null, hash],
    );
    return row!.id;
  }

  async youth(y: {
    countyId: string;
    /** Null, with the last name and often the date of birth, for a youth from a de-identified state extract. */
    legalFirstName: string | null;
    legalLastName: string | null;
    preferredName?: string | null;
    dateOfBirth: string | null;
    sex?: string | null;
    genderIdentity?: string | null;
    pronouns?: string | null;
    raceEthnicity?: string[];
    primaryLanguage?: string | null;
    spaNumber?: number | null;
    phone?: string | null;
    aliases?: string[];
    identifiers?: { system: IdentifierSystem; value: string }[];
  }): Promise<string> {
    const [row] = await this.database.query<{ id: string }>(
      `INSERT INTO youth (county_id, legal_first_name, legal_last_name, preferred_name, date_of_birth,
                          gender_identity, pronouns, race_ethnicity, primary_language, spa_number, phone, sex)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        y.countyId,
        y.legalFirstName,
        y.legalLastName,
        y.preferredName ?? null,
        y.dateOfBirth,
        y.genderIdentity ?? null,
        y.pronouns ?? null,
        y.raceEthnicity ?? [],
        y.primaryLanguage ?? null,
        y.spaNumber ?? null,
        y.phone ?? null,
        y.sex ?? null,
      ],
    );
    const id = row!.id;
    for (const alias of y.aliases ?? []) {
      await this.database.query('INSERT INTO youth_aliases (youth_id, county_id, alias) VALUES ($1, $2, $3)', [
        id,
        y.countyId,
        alias,
      ]);
    }
    for (const ident of y.identifiers ?? []) {
      await this.database.query(
        'INSERT INTO youth_identifiers (youth_id, county_id, system, value) VALUES ($1, $2, $3, $4)',
        [id, y.countyId, ident.system, ident.value],
      );
    }
    return id;
  }

  async case(c: {
    youthId: string;
    countyId: string;
    /** Null for an imported case in a county with no agency of its kind in Harbor. */
    organizationId: string | null;
    kind: CaseKind;
    externalId?: string | null;
    openedOn: string;
    closedOn?: string | null;
  }): Promise<string> {
    const [row] = await this.database.query<{ id: string }>(
      `INSERT INTO cases (youth_id, county_id, organization_id, kind, external_id, opened_on, closed_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [c.youthId, c.countyId, c.organizationId, c.kind, c.externalId ?? null, c.openedOn, c.closedOn ?? null],
    );
    return row!.id;
  }

  async referral(r: {
    youthId: string;
    countyId: string;
    /** Null for an imported referral in a county with no agency of its kind in Harbor. */
    organizationId: string | null;
    externalId?: string | null;
    receivedAt: string;
    disposition?: string | null;
    dispositionAt?: string | null;
    closedAt?: string | null;
  }): Promise<string> {
    const [row] = await this.database.query<{ id: string }>(
      `INSERT INTO referrals (youth_id, county_id, organization_id, external_id, received_at, disposition,
                              disposition_at, closed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        r.youthId,
        r.countyId,
        r.organizationId,
        r.externalId ?? null,
        r.receivedAt,
        r.disposition ?? null,
        r.dispositionAt ?? null,
        r.closedAt ?? null,
      ],
    );
    return row!.id;
  }

  async assignment(a: {
    youthId: string;
    countyId: string;
    userId: string;
    organizationId: string;
    role: 'primary' | 'secondary' | 'advocate' | 'mdt';
    startsAt?: string;
    endsAt?: string | null;
  }): Promise<string> {
    const [row] = await this.database.query<{ id: string }>(
      `INSERT INTO assignments (youth_id, county_id, user_id, organization_id, role, starts_at, ends_at)
       VALUES ($1, $2, $3, $4, $5, coalesce($6::timestamptz, now() - interval '1 day'), $7) RETURNING id`,
      [a.youthId, a.countyId, a.userId, a.organizationId, a.role, a.startsAt ?? null, a.endsAt ?? null],
    );
    return row!.id;
  }
}
