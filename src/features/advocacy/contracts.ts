import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { can } from '../../access/abilities.js';
import type { AggregateScope } from '../../access/checkpoint.js';
import type { AdminContext, ReferenceContext } from '../../access/contexts.js';
import { selectRows, type Db } from '../../db/client.js';
import { countyToday } from '../../domain/screening-schedule.js';
import { changedMeanwhile, forbidden, invalidField, notFound, staleVersion } from '../../errors.js';
import type { ContractCreate, ContractUpdate, ContractViewT } from '../../contract/advocacy.js';

/** Organization types that can hold the county's side of a contract (not CBOs, not placements). */
const NOT_CONTRACTING = ['advocacy_cbo', 'placement_provider'];

interface ContractRow {
  id: string;
  organization_id: string;
  organization: string;
  contracting_organization_id: string;
  contracting_organization: string;
  reference: string;
  starts_on: string;
  ends_on: string;
  funding_source: string;
  services: string[];
  capacity: number;
  first_contact_hours: number;
  response_terms: string | null;
  document_refs: string[];
  terminated_on: string | null;
  version: number;
}

export async function loadContracts(tx: Db, where: ReturnType<typeof sql>): Promise<ContractViewT[]> {
  const rows = await selectRows<ContractRow>(
    tx,
    sql`SELECT c.id, c.organization_id, o.name AS organization, c.contracting_organization_id, co.name AS contracting_organization,
               c.reference, c.starts_on::text AS starts_on, c.ends_on::text AS ends_on, c.funding_source, c.services, c.capacity,
               c.first_contact_hours, c.response_terms, c.document_refs, c.terminated_on::text AS terminated_on, c.version
          FROM advocacy_contracts c JOIN organizations o ON o.id = c.organization_id JOIN organizations co ON co.id = c.contracting_organization_id
         WHERE ${where} ORDER BY o.name, c.starts_on DESC`,
  );
  const today = countyToday();
  return rows.map((r) => ({
    id: r.id,
    organizationId: r.organization_id,
    organization: r.organization,
    contractingOrganizationId: r.contracting_organization_id,
    contractingOrganization: r.contracting_organization,
    reference: r.reference,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    fundingSource: r.funding_source,
    services: r.services as ContractViewT['services'],
    capacity: r.capacity,
    firstContactHours: r.first_contact_hours,
    responseTerms: r.response_terms,
    documentRefs: r.document_refs,
    terminatedOn: r.terminated_on,
    activeToday: activeOn(r, today),
    version: r.version,
  }));
}

const activeOn = (c: { starts_on: string; ends_on: string; terminated_on: string | null }, on: string) =>
  c.starts_on <= on && c.ends_on >= on && (c.terminated_on === null || c.terminated_on > on);

/** The SQL condition "contract `c` is in force on the date" (terminated on a date ends it that day). */
export const contractActiveSql = (on: string) =>
  sql`c.starts_on <= ${on}::date AND c.ends_on >= ${on}::date AND (c.terminated_on IS NULL OR c.terminated_on > ${on}::date)`;

/** The CBO's contract in force on a date, if any (the latest starting one when several overlap). */
export async function activeContract(tx: Db, organizationId: string, on: string) {
  const [row] = await selectRows<{ id: string; services: string[]; first_contact_hours: number; capacity: number }>(
    tx,
    sql`SELECT c.id, c.services, c.first_contact_hours, c.capacity FROM advocacy_contracts c
         WHERE c.organization_id = ${organizationId} AND ${contractActiveSql(on)} ORDER BY c.starts_on DESC LIMIT 1`,
  );
  return row ?? null;
}

async function checkParties(tx: Db, countyId: string, cboId: string, contractingId: string) {
  const orgs = await selectRows<{ id: string; type: string }>(
    tx,
    sql`SELECT id, type FROM organizations WHERE county_id = ${countyId} AND id IN (${cboId}, ${contractingId})`,
  );
  const cbo = orgs.find((o) => o.id === cboId);
  const contracting = orgs.find((o) => o.id === contractingId);
  if (!cbo)
    throw invalidField(
      '/body/organizationId',
      'unknown_reference',
      'organizationId: no organization with that id in your county.',
    );
  if (cbo.type !== 'advocacy_cbo')
    throw invalidField(
      '/body/organizationId',
      'not_advocacy_organization',
      'organizationId: advocacy contracts are held by advocacy organizations (type advocacy_cbo) only.',
    );
  if (!contracting)
    throw invalidField(
      '/body/contractingOrganizationId',
      'unknown_reference',
      'contractingOrganizationId: no organization with that id in your county.',
    );
  if (NOT_CONTRACTING.includes(contracting.type)) {
    throw invalidField(
      '/body/contractingOrganizationId',
      'not_contracting_department',
      'contractingOrganizationId: the contracting party must be a county department (probation, child welfare, health ...), not a CBO or placement.',
    );
  }
}

function checkPeriod(c: { startsOn: string; endsOn: string; terminatedOn?: string | null }) {
  if (c.endsOn < c.startsOn)
    throw invalidField('/body/endsOn', 'end_before_start', 'endsOn cannot be before startsOn.', { start: c.startsOn });
  if (c.terminatedOn && c.terminatedOn < c.startsOn)
    throw invalidField('/body/terminatedOn', 'end_before_start', 'terminatedOn cannot be before startsOn.', {
      start: c.startsOn,
    });
}

export function createContract(repo: AdminContext, input: z.infer<typeof ContractCreate>): Promise<ContractViewT> {
  return repo.forCounty(
    'advocacy.contract.create',
    async ({ tx, actor, note }) => {
      checkPeriod(input);
      await checkParties(tx, actor.countyId, input.organizationId, input.contractingOrganizationId);
      const [row] = await selectRows<{ id: string }>(
        tx,
        sql`INSERT INTO advocacy_contracts (county_id, organization_id, contracting_organization_id, reference, starts_on, ends_on, funding_source,
              services, capacity, first_contact_hours, response_terms, document_refs, terminated_on, created_by)
            VALUES (${actor.countyId}, ${input.organizationId}, ${input.contractingOrganizationId}, ${input.reference}, ${input.startsOn}, ${input.endsOn},
              ${input.fundingSource}, ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(input.services)}::jsonb)), ${input.capacity},
              ${input.firstContactHours}, ${input.responseTerms ?? null}, ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(input.documentRefs)}::jsonb)),
              ${input.terminatedOn ?? null}, ${actor.userId})
            RETURNING id`,
      );
      note({ contractId: row!.id, organizationId: input.organizationId });
      return (await loadContracts(tx, sql`c.id = ${row!.id}`))[0]!;
    },
    { audit: true },
  );
}

export function updateContract(
  repo: AdminContext,
  contractId: string,
  input: z.infer<typeof ContractUpdate>,
): Promise<ContractViewT> {
  return repo.forCounty(
    'advocacy.contract.update',
    async ({ tx, actor, note }) => {
      const [current] = await loadContracts(tx, sql`c.id = ${contractId}`);
      if (!current) throw notFound('contract');
      if (current.version !== input.version) {
        throw staleVersion('contract', input.version, current.version);
      }
      const { version: _v, ...changes } = input;
      const next = {
        ...current,
        ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
      } as ContractViewT;
      checkPeriod(next);
      await checkParties(tx, actor.countyId, next.organizationId, next.contractingOrganizationId);
      // Only the version this change was checked against: a change saved in between makes it a 409.
      const [updated] = await selectRows<{ id: string }>(
        tx,
        sql`UPDATE advocacy_contracts SET organization_id = ${next.organizationId}, contracting_organization_id = ${next.contractingOrganizationId},
          reference = ${next.reference}, starts_on = ${next.startsOn}, ends_on = ${next.endsOn}, funding_source = ${next.fundingSource},
          services = ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(next.services)}::jsonb)), capacity = ${next.capacity},
          first_contact_hours = ${next.firstContactHours}, response_terms = ${next.responseTerms}, terminated_on = ${next.terminatedOn},
          document_refs = ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(next.documentRefs)}::jsonb)), version = version + 1
        WHERE id = ${contractId} AND version = ${input.version} RETURNING id`,
      );
      if (!updated) throw changedMeanwhile('this contract');
      note({
        contractId,
        fields: Object.keys(changes)
          .filter((k) => (changes as Record<string, unknown>)[k] !== undefined)
          .sort(),
      });
      return (await loadContracts(tx, sql`c.id = ${contractId}`))[0]!;
    },
    { audit: true },
  );
}

/** County roles see every contract; a CBO's administrator sees its own organization's only. */
export function orgScope(scope: Pick<AggregateScope, 'actor'>, requested?: string): string | null {
  const { actor } = scope;
  if (can(actor, 'advocacy.county_view')) return requested ?? null;
  if (can(actor, 'contracts.read')) {
    if (requested && requested !== actor.organizationId) throw notFound('organization');
    return actor.organizationId;
  }
  throw forbidden(
    'Only county administrators, analysts and the CBO\u2019s own administrator can see advocacy contracts.',
    'advocacy_contracts_not_allowed',
  );
}

export function listContracts(repo: AdminContext, organizationId?: string): Promise<ContractViewT[]> {
  return repo.forCounty(
    'advocacy.contract.list',
    async (scope) => {
      const org = orgScope(scope, organizationId);
      return loadContracts(scope.tx, org ? sql`c.organization_id = ${org}` : sql`true`);
    },
    { audit: false },
  );
}

export function getContract(repo: AdminContext, contractId: string): Promise<ContractViewT> {
  return repo.forCounty(
    'advocacy.contract.get',
    async (scope) => {
      const [c] = await loadContracts(scope.tx, sql`c.id = ${contractId}`);
      if (!c) throw notFound('contract');
      const org = orgScope(scope);
      if (org && c.organizationId !== org) throw notFound('contract');
      return c;
    },
    { audit: false },
  );
}

/** CBOs with a contract in force on a date: reference data for the referral form, no youth data. */
export function activeCbos(repo: ReferenceContext, on: string = countyToday()) {
  return repo.forCounty(
    'advocacy.contract.active',
    async ({ tx }) => {
      const rows = await selectRows<{
        organization_id: string;
        name: string;
        contract_id: string;
        services: string[];
        first_contact_hours: number;
      }>(
        tx,
        sql`SELECT DISTINCT ON (c.organization_id) c.organization_id, o.name, c.id AS contract_id, c.services, c.first_contact_hours
              FROM advocacy_contracts c JOIN organizations o ON o.id = c.organization_id
             WHERE ${contractActiveSql(on)} ORDER BY c.organization_id, c.starts_on DESC`,
      );
      return {
        on,
        organizations: rows
          .map((r) => ({
            organizationId: r.organization_id,
            name: r.name,
            contractId: r.contract_id,
            services: r.services,
            firstContactHours: r.first_contact_hours,
          }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      };
    },
    { audit: false },
  );
}
