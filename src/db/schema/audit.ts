// The hash-chained audit log (migration 0002). The chain fields (shard, shard_seq, prev_hash,
// hash) are overwritten by the BEFORE INSERT trigger; inserts pass placeholders (src/access/audit.ts).
import { sql } from 'drizzle-orm';
import { bigint, bigserial, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';

export const auditChain = pgTable('audit_chain', {
  shard: integer('shard').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
});

export const auditEvents = pgTable('audit_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  shard: integer('shard').notNull(),
  shardSeq: bigint('shard_seq', { mode: 'number' }).notNull(),
  at: ts('at')
    .notNull()
    .default(sql`clock_timestamp()`),
  countyId: uuid('county_id').notNull(),
  actorUserId: uuid('actor_user_id'),
  actorOrganizationId: uuid('actor_organization_id'),
  actorRoles: text('actor_roles').array().notNull().default([]),
  action: text('action').notNull(),
  outcome: text('outcome').notNull().default('allowed'),
  youthId: uuid('youth_id'),
  recordIds: text('record_ids').array().notNull().default([]),
  categories: text('categories').array().notNull().default([]),
  requestId: text('request_id'),
  clientIp: text('client_ip'),
  details: jsonb('details').notNull().default({}),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});
