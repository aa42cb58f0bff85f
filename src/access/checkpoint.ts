// The one checkpoint for youth data. Route handlers never receive a database client, nor this
// ScopedRepo itself: src/server/route.ts hands each handler the context its route policy grants
// (src/access/contexts.ts), whose functions are this repo's, built from the signed-in user.
// Aggregate work runs as harbor_aggregate and reference work as harbor_reference, roles that
// cannot select identity columns (migration 0012). Every unit of youth work:
//   1. opens a transaction as the non-superuser role harbor_app with the user's county set, so
//      PostgreSQL row-level security hides other counties whatever the query says;
//   2. decides the user's relation to the youth in SQL and turns it into a grant (grants.ts);
//      no relation means 404, never 403, so the record's existence is not revealed;
//   3. checks the field categories the caller declared the work needs (forYouth's `needs`)
//      against the grant: one not granted is 403 category_not_granted, before the work runs;
//   4. runs the work, which may check more categories the data calls for (`scope.require`) and
//      declares any it touched beyond the declared ones (`scope.touch`);
//   5. appends the audit event in the same transaction, declared categories included, then commits.
// A work function that throws rolls back its writes *and* its audit row; a denial is audited
// in a transaction of its own.
import { sql, type SQL } from 'drizzle-orm';
import { selectRows, type Database, type Db } from '../db/client.js';
import type { FieldCategory } from '../domain/field-categories.js';
import { forbidden, HarborError, notFound } from '../errors.js';
import { importExtract, type ImportSummary } from '../features/import/import-extract.js';
import { can } from './abilities.js';
import type { Actor, RequestMeta } from './actor.js';
import { appendAudit } from './audit.js';
import { canSee, grantFor, type Grant, type Relation } from './grants.js';
import { usefulRelations, visibleYouthQuery } from './relation.js';

/** 403 category_not_allowed: the role's grant lacks this field category for this youth. */
const categoryRefused = (
  category: string,
  access: 'read' | 'write',
  message = `Your role does not allow you to ${access} this youth's ${category.replace('_', ' ')} information.`,
) => new HarborError(403, 'category_not_allowed', message, { category, access });

/** 403 category_not_granted: the grant lacks a category the unit of work declared it needs. */
const categoryNotGranted = (category: FieldCategory, access: 'read' | 'write') =>
  new HarborError(
    403,
    'category_not_granted',
    `This needs to ${access} the youth's ${category.replaceAll('_', ' ')} information, which your role is not granted for this youth.`,
    { category, access },
  );

/** A scope's `require`: 403 unless the grant covers the category for this kind of access. */
const requireIn =
  (grant: Grant) =>
  (category: FieldCategory, access: 'read' | 'write'): void => {
    if (!(access === 'read' ? grant.read : grant.write).has(category)) throw categoryRefused(category, access);
  };

/** One field category or more: a declaration cannot be empty. */
export type Categories = readonly [FieldCategory, ...FieldCategory[]];

/**
 * What a unit of work on one youth reads and writes, by field category (src/domain/field-categories.ts),
 * declared by the caller of forYouth: `{ read: ['exploitation'] }`, `{ write: ['placement_location'] }`.
 * Work that projects fields by the grant itself (the profile, lists that hide what is not
 * granted) declares `{ read: ['identity'] }`, which every visible youth grants.
 */
export type Needs = { read: Categories; write?: Categories } | { read?: Categories; write: Categories };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a unit of work records about itself for the audit event. */
class AuditNotes {
  readonly categories = new Set<FieldCategory>();
  readonly recordIds = new Set<string>();
  details: Record<string, unknown> = {};
  touch(categories: Iterable<FieldCategory>, recordIds: Iterable<string> = []) {
    for (const c of categories) this.categories.add(c);
    for (const r of recordIds) this.recordIds.add(r);
  }
  /** The scope's `touch` and `note`, which write into these notes. */
  hooks() {
    return {
      touch: (c: Iterable<FieldCategory>, r?: Iterable<string>) => this.touch(c, r),
      note: (d: Record<string, unknown>) => void Object.assign(this.details, d),
    };
  }
  /** The audit entry for the work these notes describe. */
  entry(countyId: string, action: string, youthId: string | null, extra: Record<string, unknown> = {}) {
    return {
      countyId,
      action,
      youthId,
      recordIds: [...new Set([...(youthId ? [youthId] : []), ...this.recordIds])],
      categories: [...this.categories],
      details: { ...this.details, ...extra },
    };
  }
}

export interface YouthScope {
  tx: Db;
  youthId: string;
  grant: Grant;
  actor: Actor;
  /**
   * Throws 403 category_not_allowed unless the grant covers the category for this kind of access.
   * For checks the data decides (a service's category, the fields a patch names); what the work
   * always needs is declared to forYouth instead.
   */
  require(category: FieldCategory, access: 'read' | 'write'): void;
  /** Declares what the work read or wrote beyond forYouth's `needs`, for the audit event. */
  touch(categories: Iterable<FieldCategory>, recordIds?: Iterable<string>): void;
  note(details: Record<string, unknown>): void;
}

/** Records that can be addressed to an organization (forAddressed): table and the word for "not found". */
export interface AddressedRecord {
  table: 'advocacy_referrals';
  label: string;
}

export interface ListScope {
  tx: Db;
  actor: Actor;
  /** `WITH visible(youth_id, relations)`: the youth this user may see at all. Prefix a query with it. */
  visibleCte: ReturnType<typeof visibleYouthQuery>['cte'];
  grantOf(relations: readonly Relation[]): Grant;
  touch(categories: Iterable<FieldCategory>, recordIds?: Iterable<string>): void;
  note(details: Record<string, unknown>): void;
}

/** A list of records addressed to the user's organization (acrossAddressed). */
export interface AddressedListScope extends ListScope {
  /** The user's organization: every record the work lists must be addressed to it. */
  organizationId: string;
  /** `<alias>.organization_id = <the user's organization>`: put it in the WHERE of the list. */
  addressedTo(alias: string): SQL;
}

export interface AggregateScope {
  tx: Db;
  actor: Actor;
  allCounties: boolean;
  note(details: Record<string, unknown>): void;
}

/**
 * The county's data-quality queue (forDataQuality): county-wide, not per youth. The work touches
 * what it shows or changes (identity for names and dates of birth, exploitation for Types) with
 * the ids of the youth and records, for the audit event.
 */
export interface DataQualityScope {
  tx: Db;
  actor: Actor;
  touch(categories: Iterable<FieldCategory>, recordIds?: Iterable<string>): void;
  note(details: Record<string, unknown>): void;
}

/** The three roles a request's work runs as (migrations 0003 and 0012). */
export type ScopedRole = 'harbor_app' | 'harbor_aggregate' | 'harbor_reference';

export class ScopedRepo {
  constructor(
    private readonly database: Database,
    readonly actor: Actor,
    private readonly meta: RequestMeta,
  ) {}

  /**
   * Work on one youth's record, needing the field categories `needs` declares. 404 when the youth
   * does not exist for this user, or when the work writes and the user may write nothing for this
   * youth; 403 category_not_granted when the grant lacks a declared category. Both before the
   * work runs. The declared categories are recorded in the audit event.
   */
  async forYouth<T>(
    youthId: string,
    action: string,
    needs: Needs,
    work: (scope: YouthScope) => Promise<T>,
  ): Promise<T> {
    const reads = needs.read ?? [];
    const writes = needs.write ?? [];
    if (reads.length + writes.length === 0) throw new Error(`forYouth(${action}): declare the categories it needs`);
    if (!UUID.test(youthId)) throw notFound('youth');
    const notes = new AuditNotes();
    try {
      return await this.scoped(false, async (tx) => {
        const grant = await this.relationTo(tx, youthId);
        if (!canSee(grant) || (writes.length > 0 && grant.write.size === 0)) throw notFound('youth');
        for (const c of reads) if (!grant.read.has(c)) throw categoryNotGranted(c, 'read');
        for (const c of writes) if (!grant.write.has(c)) throw categoryNotGranted(c, 'write');
        notes.touch([...reads, ...writes]);
        const result = await work({
          tx,
          youthId,
          grant,
          actor: this.actor,
          require: requireIn(grant),
          ...notes.hooks(),
        });
        await appendAudit(
          tx,
          this.actor,
          this.meta,
          notes.entry(this.actor.countyId, action, youthId, { relations: [...grant.relations] }),
        );
        return result;
      });
    } catch (err) {
      if (err instanceof Error && 'statusCode' in err && (err.statusCode === 404 || err.statusCode === 403)) {
        await this.auditDenied(action, youthId, (err as { statusCode: number }).statusCode, err);
      }
      throw err;
    }
  }

  /**
   * Work on a record addressed to the user's organization, about a youth the user may not (yet)
   * see: an advocacy referral waiting at a community-based organization, which its staff accept,
   * decline and assign. Found inside the county wall; 404 unless it is addressed to the user's
   * organization. The work gets the user's own grant on the youth (often none) and declares what
   * it touched; the audit event names the youth and the record. No `needs` here, unlike forYouth:
   * the address, not a grant, is what lets the organization's staff act, and the work shows the
   * name and the reason by the grant and `seesNarrative` (advocacy/load-referrals.ts), so a
   * declared category would refuse the very staff the record is addressed to.
   */
  async forAddressed<T>(
    record: AddressedRecord,
    recordId: string,
    action: string,
    work: (scope: YouthScope) => Promise<T>,
  ): Promise<T> {
    if (!UUID.test(recordId)) throw notFound(record.label);
    const notes = new AuditNotes();
    let youthId: string | null = null;
    try {
      return await this.scoped(false, async (tx) => {
        const [row] = await selectRows<{ youth_id: string; organization_id: string }>(
          tx,
          sql`SELECT youth_id, organization_id FROM ${sql.raw(record.table)} WHERE id = ${recordId}`,
        );
        if (!row || row.organization_id !== this.actor.organizationId) throw notFound(record.label);
        youthId = row.youth_id;
        const grant = await this.relationTo(tx, row.youth_id);
        notes.touch([], [recordId]);
        const result = await work({
          tx,
          youthId: row.youth_id,
          grant,
          actor: this.actor,
          require: requireIn(grant),
          ...notes.hooks(),
        });
        await appendAudit(
          tx,
          this.actor,
          this.meta,
          notes.entry(this.actor.countyId, action, row.youth_id, {
            relations: [...grant.relations],
            addressedTo: 'organization',
          }),
        );
        return result;
      });
    } catch (err) {
      if (err instanceof Error && 'statusCode' in err && (err.statusCode === 404 || err.statusCode === 403)) {
        await this.auditDenied(action, youthId ?? 'unknown', (err as { statusCode: number }).statusCode, err);
      }
      throw err;
    }
  }

  /**
   * Creates a youth record. Only roles that may write for youth assigned to them can; the work
   * must assign the new youth to the creator, or nobody could open the record it just made.
   */
  async forNewYouth<T>(
    action: string,
    work: (scope: Omit<YouthScope, 'youthId'>) => Promise<{ youthId: string; result: T }>,
  ): Promise<T> {
    const grant = grantFor(this.actor.roles, new Set<Relation>(['assigned']));
    if (grant.write.size === 0) throw forbidden('Your role cannot create youth records.', 'create_youth_not_allowed');
    const notes = new AuditNotes();
    return this.scoped(false, async (tx) => {
      const { youthId, result } = await work({
        tx,
        grant,
        actor: this.actor,
        require: (category) => {
          if (!grant.write.has(category))
            throw categoryRefused(category, 'write', `Your role does not allow you to record ${category} information.`);
        },
        ...notes.hooks(),
      });
      await appendAudit(tx, this.actor, this.meta, notes.entry(this.actor.countyId, action, youthId));
      return result;
    });
  }

  /** Work across every youth the user may see (search, lists). Audited as one event. */
  async acrossYouth<T>(action: string, work: (scope: ListScope) => Promise<T>): Promise<T> {
    if (!can(this.actor, 'youth.search')) {
      throw forbidden(
        'Your role sees aggregate figures only, never individual youth. Use the reports instead.',
        'aggregate_only',
      );
    }
    const notes = new AuditNotes();
    const { cte } = visibleYouthQuery(this.actor, usefulRelations(this.actor));
    return this.scoped(false, async (tx) => {
      const result = await work({
        tx,
        actor: this.actor,
        visibleCte: cte,
        grantOf: (relations) => grantFor(this.actor.roles, new Set(relations)),
        ...notes.hooks(),
      });
      await appendAudit(tx, this.actor, this.meta, notes.entry(this.actor.countyId, action, null));
      return result;
    });
  }

  /**
   * The county's data-quality queue, worked by supervisors (data_quality.work): the soft gaps of
   * imported history, across every youth of the county, not only those the supervisor relates
   * to, because keeping the county's records sound is a county-wide stewardship. What it shows is
   * state client ids, Types and dates, never names; the fixes it makes are to dates, subcategories
   * and dates of birth. Runs as harbor_app in the user's county (row-level security keeps it
   * there) and is audited as one event naming every youth and record the work touched.
   */
  async forDataQuality<T>(action: string, work: (scope: DataQualityScope) => Promise<T>): Promise<T> {
    if (!can(this.actor, 'data_quality.work')) {
      throw forbidden('The data-quality queue is worked by supervisors.');
    }
    const notes = new AuditNotes();
    return this.scoped(false, async (tx) => {
      const result = await work({ tx, actor: this.actor, ...notes.hooks() });
      await appendAudit(tx, this.actor, this.meta, notes.entry(this.actor.countyId, action, null));
      return result;
    });
  }

  /**
   * The state extract uploaded by the county administrator (import.extract): the one entry point
   * of an admin context that writes youth data. Administrators never read youth records, and this
   * does not let them: it runs the system importer (src/features/import/import-extract.ts), which
   * refuses any client outside the administrator's county (county_not_yours) and matches only
   * that county's records, and it returns counts, file names, line numbers and error codes, never
   * a name, a date of birth or a client id. The importer audits the batch it writes (one event
   * per county, action import.extract, as this user); a dry run or a refused import writes no
   * batch, so it is audited here, with its counts.
   */
  async importExtract(opts: { dir: string; dryRun: boolean }): Promise<ImportSummary> {
    if (!can(this.actor, 'import.extract')) {
      throw forbidden("Only the county administrator imports the state's extract.");
    }
    const summary = await importExtract(this.database, {
      dir: opts.dir,
      dryRun: opts.dryRun,
      source: 'upload',
      countyId: this.actor.countyId,
      userId: this.actor.userId,
      actorRoles: this.actor.roles,
      requestId: this.meta.requestId,
    });
    if (!summary.batchId) {
      await this.scoped(false, (tx) =>
        appendAudit(tx, this.actor, this.meta, {
          countyId: this.actor.countyId,
          action: summary.dryRun ? 'import.extract_check' : 'import.extract_refused',
          outcome: 'allowed',
          details: {
            dryRun: summary.dryRun,
            ok: summary.ok,
            errorCount: summary.errorCount,
            errorsByCode: summary.errorsByCode,
            rows: Object.fromEntries(Object.entries(summary.files).map(([file, f]) => [file, f.rows])),
          },
        }),
      );
    }
    return summary;
  }

  /**
   * Work across records addressed to the user's organization (a CBO's advocacy inbox). The
   * relation is the record's address, not the user's role: the organization's staff list what is
   * addressed to it, whether or not they may see the youth, and nothing else. The work keeps to
   * rows meeting `addressedTo`; the `visible` CTE and `grantOf` say which youth the user may also
   * see (names). Audited as one event, which must name every record and youth returned: the work
   * touches their ids.
   */
  async acrossAddressed<T>(
    record: AddressedRecord,
    action: string,
    work: (scope: AddressedListScope) => Promise<T>,
  ): Promise<T> {
    const notes = new AuditNotes();
    const organizationId = this.actor.organizationId;
    const { cte } = visibleYouthQuery(this.actor, usefulRelations(this.actor));
    return this.scoped(false, async (tx) => {
      const result = await work({
        tx,
        actor: this.actor,
        organizationId,
        addressedTo: (alias) => sql`${sql.identifier(alias)}.organization_id = ${organizationId}`,
        visibleCte: cte,
        grantOf: (relations) => grantFor(this.actor.roles, new Set(relations)),
        ...notes.hooks(),
      });
      await appendAudit(
        tx,
        this.actor,
        this.meta,
        notes.entry(this.actor.countyId, action, null, { addressedTo: 'organization', table: record.table }),
      );
      return result;
    });
  }

  /**
   * County reference data and settings: no youth data, so no relation check. Runs as
   * harbor_reference, which cannot select an identity column (migration 0012). Changes are
   * audited (pass audit: true); plain reads of reference data are not.
   */
  async forCounty<T>(
    action: string,
    work: (scope: AggregateScope) => Promise<T>,
    opts: { audit: boolean },
  ): Promise<T> {
    const details: Record<string, unknown> = {};
    return this.scopedAs('harbor_reference', false, async (tx) => {
      const result = await work({ tx, actor: this.actor, allCounties: false, note: (d) => Object.assign(details, d) });
      if (opts.audit) await appendAudit(tx, this.actor, this.meta, { countyId: this.actor.countyId, action, details });
      return result;
    });
  }

  /**
   * The state CSEC Program's administration (issue 13): statewide program data (participation,
   * population denominators) and the review of every county's submissions. As harbor_reference,
   * so no identity column can be read; across counties only for users with figures.all_counties
   * (state analysts), anyone else keeps the county wall. Always audited.
   */
  async forState<T>(action: string, work: (scope: AggregateScope) => Promise<T>): Promise<T> {
    const allCounties = can(this.actor, 'figures.all_counties');
    const details: Record<string, unknown> = {};
    return this.scopedAs('harbor_reference', allCounties, async (tx) => {
      const result = await work({ tx, actor: this.actor, allCounties, note: (d) => Object.assign(details, d) });
      await appendAudit(tx, this.actor, this.meta, { countyId: this.actor.countyId, action, details });
      return result;
    });
  }

  /**
   * The signed-in user's own rows (notifications), as harbor_reference; row-level security adds
   * the user's id to the county (a restrictive policy). Not audited: nothing about anyone else.
   */
  async forSelf<T>(work: (scope: AggregateScope) => Promise<T>): Promise<T> {
    return this.scopedAs('harbor_reference', false, (tx) =>
      work({ tx, actor: this.actor, allCounties: false, note: () => undefined }),
    );
  }

  /**
   * Aggregate figures without identities, as harbor_aggregate: the database refuses any identity
   * column (migration 0012), whatever the query. Those with figures.all_counties (state
   * analysts) read across counties.
   */
  async aggregate<T>(action: string, work: (scope: AggregateScope) => Promise<T>): Promise<T> {
    const allCounties = can(this.actor, 'figures.all_counties');
    const details: Record<string, unknown> = {};
    return this.scopedAs('harbor_aggregate', allCounties, async (tx) => {
      const result = await work({ tx, actor: this.actor, allCounties, note: (d) => Object.assign(details, d) });
      await appendAudit(tx, this.actor, this.meta, { countyId: this.actor.countyId, action, details });
      return result;
    });
  }

  private async relationTo(tx: Db, youthId: string): Promise<Grant> {
    const relations = usefulRelations(this.actor);
    if (relations.length === 0) return grantFor(this.actor.roles, new Set());
    const { cte } = visibleYouthQuery(this.actor, relations, youthId);
    // Joining youth keeps the answer inside the county even if a relation row were wrong.
    const [row] = await selectRows<{ relations: Relation[]; county_id: string }>(
      tx,
      sql`${cte} SELECT v.relations, y.county_id FROM visible v JOIN youth y ON y.id = v.youth_id`,
    );
    if (!row) return grantFor(this.actor.roles, new Set());
    // Fail closed: a row from another county here means a wall has failed; never serve it.
    if (row.county_id !== this.actor.countyId) throw notFound('youth');
    return grantFor(this.actor.roles, new Set(row.relations));
  }

  private async auditDenied(action: string, youthId: string, status: number, err?: unknown) {
    // A refused category (category_not_granted, category_not_allowed) is named in the denied event.
    const refused =
      err instanceof HarborError && err.code.startsWith('category_not_')
        ? (err.details as { category: FieldCategory; access: 'read' | 'write' })
        : null;
    await this.scoped(false, async (tx) => {
      await appendAudit(tx, this.actor, this.meta, {
        countyId: this.actor.countyId,
        action,
        outcome: 'denied',
        youthId: UUID.test(youthId) ? youthId : null,
        ...(refused ? { categories: [refused.category] } : {}),
        details: refused ? { status, code: (err as HarborError).code, access: refused.access } : { status },
      });
    });
  }

  /** A transaction as harbor_app with the county set: row-level security applies to everything in it. */
  private scoped<T>(allCounties: boolean, fn: (tx: Db) => Promise<T>): Promise<T> {
    return this.scopedAs('harbor_app', allCounties, fn);
  }

  /** A transaction as one of the three application roles, with the county (and user) set. */
  private scopedAs<T>(role: ScopedRole, allCounties: boolean, fn: (tx: Db) => Promise<T>): Promise<T> {
    return this.database.transactionWith(
      {
        role,
        'harbor.county_id': this.actor.countyId,
        'harbor.all_counties': allCounties ? 'on' : 'off',
        'harbor.user_id': this.actor.userId,
      },
      fn,
    );
  }
}

/**
 * The database as its owner: no county wall, no relation check, no automatic audit. Branded so
 * that only code that asked for it by name (jobs, the CLI, seeding, sign-in) holds one; route
 * contexts (src/access/contexts.ts) never expose it, and ESLint forbids route files from
 * importing systemRepo or src/db.
 */
export type SystemDatabase = Database & { readonly [SYSTEM]: true };
declare const SYSTEM: unique symbol;

/** The bypass, for jobs, migrations, seeding and authentication only. */
export function systemRepo(database: Database): SystemDatabase {
  return database as SystemDatabase;
}
