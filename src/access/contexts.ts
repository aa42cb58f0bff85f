// What a route handler may reach, by the policy its route declares (src/access/route-policy.ts).
// src/server/route.ts gives each handler the context of its policy, typed by it: an aggregate
// route's handler has `aggregate` and nothing else, so `ctx.forYouth(...)` there does not compile,
// and at run time the object has no such property either. Each context's work runs in a
// transaction as its own database role (see ScopedRepo.scopedAs and migration 0012):
//
//   youth      harbor_app        the checkpoint: relation, grants, audit; reads identities
//   aggregate  harbor_aggregate  figures; no identity column (names, date of birth, contact,
//                                addresses, identifier values) can be selected at all
//   reference  harbor_reference  county reference data (directory, settings, instruments, people)
//   admin      harbor_reference  county administration, always audited
//   self       harbor_reference  the user's own rows (notifications)
//
// Use cases take the narrowest context they need (`repo: ReferenceContext`), so a use case written
// for one kind of route cannot be called from a route of another.
import type { Actor } from './actor.js';
import type { ScopedRepo } from './checkpoint.js';

/** `youth` routes: the checkpoint's entry points for individual youth. */
export interface YouthContext {
  readonly kind: 'youth';
  readonly actor: Actor;
  readonly forYouth: ScopedRepo['forYouth'];
  readonly forNewYouth: ScopedRepo['forNewYouth'];
  readonly acrossYouth: ScopedRepo['acrossYouth'];
  readonly forAddressed: ScopedRepo['forAddressed'];
  /** Records addressed to the user's organization (a CBO's advocacy inbox), audited with every id listed. */
  readonly acrossAddressed: ScopedRepo['acrossAddressed'];
  /**
   * The county's data-quality queue (supervisors): county-wide stewardship of imported records,
   * so not limited to youth the user relates to; it shows state client ids and dates, never names.
   */
  readonly forDataQuality: ScopedRepo['forDataQuality'];
}

/** `aggregate` routes: figures without identities, as harbor_aggregate. */
export interface AggregateContext {
  readonly kind: 'aggregate';
  readonly actor: Actor;
  readonly aggregate: ScopedRepo['aggregate'];
}

/** `reference` routes: county reference data any signed-in user of the county reads. */
export interface ReferenceContext {
  readonly kind: 'reference';
  readonly actor: Actor;
  readonly forCounty: ScopedRepo['forCounty'];
}

/** `admin` routes: county administration (contracts, vetting, settings, the directory). */
export interface AdminContext {
  readonly kind: 'admin';
  readonly actor: Actor;
  readonly forCounty: ScopedRepo['forCounty'];
  /**
   * The state extract upload (import.extract): the one admin entry point that writes youth data.
   * It runs the system importer restricted to the administrator's county and answers with counts
   * and line numbers only, never identities (see ScopedRepo.importExtract).
   */
  readonly importExtract: ScopedRepo['importExtract'];
  /**
   * The state CSEC Program's administration: statewide program data and every county's
   * submissions for state analysts (figures.all_counties); the county wall for anyone else.
   */
  readonly forState: ScopedRepo['forState'];
}

/** Reference data read from either a reference or an admin route. */
export type CountyContext = ReferenceContext | AdminContext;

/** `self` routes: the signed-in user's own rows, nobody else's. */
export interface SelfContext {
  readonly kind: 'self';
  readonly actor: Actor;
  readonly forSelf: ScopedRepo['forSelf'];
}

/**
 * The context objects for one request. Each holds only its own functions (bound to the request's
 * ScopedRepo), never the repo itself, so not even a cast reaches another policy's entry points.
 */
export const contexts = {
  youth: (repo: ScopedRepo): YouthContext => ({
    kind: 'youth',
    actor: repo.actor,
    forYouth: repo.forYouth.bind(repo),
    forNewYouth: repo.forNewYouth.bind(repo),
    acrossYouth: repo.acrossYouth.bind(repo),
    forAddressed: repo.forAddressed.bind(repo),
    acrossAddressed: repo.acrossAddressed.bind(repo),
    forDataQuality: repo.forDataQuality.bind(repo),
  }),
  aggregate: (repo: ScopedRepo): AggregateContext => ({
    kind: 'aggregate',
    actor: repo.actor,
    aggregate: repo.aggregate.bind(repo),
  }),
  reference: (repo: ScopedRepo): ReferenceContext => ({
    kind: 'reference',
    actor: repo.actor,
    forCounty: repo.forCounty.bind(repo),
  }),
  admin: (repo: ScopedRepo): AdminContext => ({
    kind: 'admin',
    actor: repo.actor,
    forCounty: repo.forCounty.bind(repo),
    importExtract: repo.importExtract.bind(repo),
    forState: repo.forState.bind(repo),
  }),
  self: (repo: ScopedRepo): SelfContext => ({
    kind: 'self',
    actor: repo.actor,
    forSelf: repo.forSelf.bind(repo),
  }),
};
