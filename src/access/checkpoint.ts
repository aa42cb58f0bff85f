// The one checkpoint for youth data. Route handlers receive a ScopedRepo built from the signed-in
// user (request.ctx.repo) and never a database client. Every unit of work:
//   1. opens a transaction as the non-superuser role harbor_app with the user's county set, so
//      PostgreSQL row-level security hides other counties whatever the query says;
//   2. decides the user's relation to the youth in SQL and turns it into a grant (grants.ts);
//      no relation means 404, never 403, so the record's existence is not revealed;
//   3. runs the work, which declares the field categories it touched;
//   4. appends the audit event in the same transaction, then commits.
// A work function that throws rolls back its writes *and* its audit row; a denial is audited
// in a transaction of its own.
import { sql } from 'drizzle-orm';
import { selectRows, type Database, type Db } from '../db/client.js';
import type { FieldCategory } from '../domain/field-categories.js';
import { CASE_ROLES } from '../domain/people.js';
import { forbidden, notFound } from '../errors.js';
import type { Actor, RequestMeta } from './actor.js';
import { appendAudit } from './audit.js';
import { canSee, grantFor, type Grant, type Relation } from './grants.js';
import { usefulRelations, visibleYouthQuery } from './relation.js';

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
  /** Throws 403 unless the grant covers the category for this kind of access. */
  require(category: FieldCategory, access: 'read' | 'write'): void;
  /** Declares what the work read or wrote, for the audit event. */
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

export interface AggregateScope {
  tx: Db;
  actor: Actor;
  allCounties: boolean;
  note(details: Record<string, unknown>): void;
}

export class ScopedRepo {
  constructor(
    private readonly database: Database,
    readonly actor: Actor,
    private readonly meta: RequestMeta,
  ) {}

  /** Work on one youth's record. 404 when the youth does not exist for this user. */
  async forYouth<T>(
    youthId: string,
    action: string,
    work: (scope: YouthScope) => Promise<T>,
    access: 'read' | 'write' = 'read',
  ): Promise<T> {
    if (!UUID.test(youthId)) throw notFound('youth');
    const notes = new AuditNotes();
    try {
      return await this.scoped(false, async (tx) => {
        const grant = await this.relationTo(tx, youthId);
        if (!canSee(grant) || (access === 'write' && grant.write.size === 0)) throw notFound('youth');
        const result = await work({
          tx,
          youthId,
          grant,
          actor: this.actor,
          require: (category, kind) => {
            const allowed = kind === 'read' ? grant.read : grant.write;
            if (!allowed.has(category)) {
              throw forbidden(
                `Your role does not allow you to ${kind} this youth's ${category.replace('_', ' ')} information.`,
              );
            }
          },
          touch: (c, r) => notes.touch(c, r),
          note: (d) => Object.assign(notes.details, d),
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
        await this.auditDenied(action, youthId, (err as { statusCode: number }).statusCode);
      }
      throw err;
    }
  }

  /**
   * Work on a record addressed to the user's organization, about a youth the user may not (yet)
   * see: an advocacy referral waiting at a community-based organization, which its staff accept,
   * decline and assign. Found inside the county wall; 404 unless it is addressed to the user's
   * organization. The work gets the user's own grant on the youth (often none) and declares what
   * it touched; the audit event names the youth and the record.
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
          require: (category, kind) => {
            const allowed = kind === 'read' ? grant.read : grant.write;
            if (!allowed.has(category))
              throw forbidden(
                `Your role does not allow you to ${kind} this youth's ${category.replace('_', ' ')} information.`,
              );
          },
          touch: (c, r) => notes.touch(c, r),
          note: (d) => Object.assign(notes.details, d),
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
        await this.auditDenied(action, youthId ?? 'unknown', (err as { statusCode: number }).statusCode);
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
    if (grant.write.size === 0) throw forbidden('Your role cannot create youth records.');
    const notes = new AuditNotes();
    return this.scoped(false, async (tx) => {
      const { youthId, result } = await work({
        tx,
        grant,
        actor: this.actor,
        require: (category) => {
          if (!grant.write.has(category))
            throw forbidden(`Your role does not allow you to record ${category} information.`);
        },
        touch: (c, r) => notes.touch(c, r),
        note: (d) => Object.assign(notes.details, d),
      });
      await appendAudit(tx, this.actor, this.meta, notes.entry(this.actor.countyId, action, youthId));
      return result;
    });
  }

  /** Work across every youth the user may see (search, lists). Audited as one event. */
  async acrossYouth<T>(action: string, work: (scope: ListScope) => Promise<T>): Promise<T> {
    if (!this.actor.roles.some((r) => CASE_ROLES.includes(r))) {
      throw forbidden('Your role sees aggregate figures only, never individual youth. Use the reports instead.');
    }
    const notes = new AuditNotes();
    const { cte } = visibleYouthQuery(this.actor, usefulRelations(this.actor));
    return this.scoped(false, async (tx) => {
      const result = await work({
        tx,
        actor: this.actor,
        visibleCte: cte,
        grantOf: (relations) => grantFor(this.actor.roles, new Set(relations)),
        touch: (c, r) => notes.touch(c, r),
        note: (d) => Object.assign(notes.details, d),
      });
      await appendAudit(tx, this.actor, this.meta, notes.entry(this.actor.countyId, action, null));
      return result;
    });
  }

  /**
   * County reference data and settings: no youth data, so no relation check. Changes are audited
   * (pass audit: true); plain reads of reference data are not.
   */
  async forCounty<T>(
    action: string,
    work: (scope: AggregateScope) => Promise<T>,
    opts: { audit: boolean },
  ): Promise<T> {
    const details: Record<string, unknown> = {};
    return this.scoped(false, async (tx) => {
      const result = await work({ tx, actor: this.actor, allCounties: false, note: (d) => Object.assign(details, d) });
      if (opts.audit) await appendAudit(tx, this.actor, this.meta, { countyId: this.actor.countyId, action, details });
      return result;
    });
  }

  /** Aggregate figures without identities. State analysts read across counties. */
  async aggregate<T>(action: string, work: (scope: AggregateScope) => Promise<T>): Promise<T> {
    const allCounties = this.actor.roles.includes('state_analyst');
    const details: Record<string, unknown> = {};
    return this.scoped(allCounties, async (tx) => {
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

  private async auditDenied(action: string, youthId: string, status: number) {
    await this.scoped(false, async (tx) => {
      await appendAudit(tx, this.actor, this.meta, {
        countyId: this.actor.countyId,
        action,
        outcome: 'denied',
        youthId: UUID.test(youthId) ? youthId : null,
        details: { status },
      });
    });
  }

  /** A transaction as harbor_app with the county set: row-level security applies to everything in it. */
  private scoped<T>(allCounties: boolean, fn: (tx: Db) => Promise<T>): Promise<T> {
    return this.database.transactionWith(
      {
        role: 'harbor_app',
        'harbor.county_id': this.actor.countyId,
        'harbor.all_counties': allCounties ? 'on' : 'off',
        'harbor.user_id': this.actor.userId,
      },
      fn,
    );
  }
}

/**
 * The bypass, for jobs, migrations, seeding and authentication only: no county wall, no relation
 * check, no automatic audit. Route handlers never receive it.
 */
export function systemRepo(database: Database): Database {
  return database;
}
