// The county's CSEC contact list: per organization, the person to call.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AdminContext, ReferenceContext } from '../../access/contexts.js';
import { asDate, selectRows, type Db } from '../../db/client.js';
import { badRequest, conflict, invalidField, notFound } from '../../errors.js';
import type { ContactCreate, ContactPatch, ContactView } from '../../contract/directory.js';

interface Row {
  id: string;
  organization_id: string;
  organization_name: string;
  organization_type: string;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  notes: string | null;
  version: number;
  updated_at: Date | string;
}

const view = (r: Row): z.infer<typeof ContactView> => ({
  id: r.id,
  organizationId: r.organization_id,
  organizationName: r.organization_name,
  organizationType: r.organization_type,
  name: r.name,
  title: r.title,
  phone: r.phone,
  email: r.email,
  notes: r.notes,
  version: r.version,
  updatedAt: asDate(r.updated_at).toISOString(),
});

const SELECT = sql`SELECT c.id, c.organization_id, o.name AS organization_name, o.type AS organization_type, c.name, c.title,
  c.phone, c.email, c.notes, c.version, c.updated_at FROM county_contacts c JOIN organizations o ON o.id = c.organization_id`;

async function load(tx: Db, id: string): Promise<Row | undefined> {
  const [row] = await selectRows<Row>(tx, sql`${SELECT} WHERE c.id = ${id}`);
  return row;
}

async function checkOrganization(tx: Db, countyId: string, organizationId: string) {
  const [org] = await selectRows<{ id: string }>(
    tx,
    sql`SELECT id FROM organizations WHERE id = ${organizationId} AND county_id = ${countyId}`,
  );
  if (!org)
    throw invalidField(
      '/body/organizationId',
      'unknown_reference',
      'organizationId: is not an organization of your county.',
    );
}

const orNull = <T>(v: T | null | undefined) => (v === undefined ? null : v);

export function listContacts(repo: ReferenceContext) {
  return repo.forCounty(
    'directory.contacts.list',
    async ({ tx, actor }) => ({
      contacts: (
        await selectRows<Row>(tx, sql`${SELECT} WHERE c.county_id = ${actor.countyId} ORDER BY o.name, c.name`)
      ).map(view),
    }),
    { audit: false },
  );
}

export function createContact(repo: AdminContext, input: z.infer<typeof ContactCreate>) {
  return repo.forCounty(
    'directory.contact.create',
    async ({ tx, actor, note }) => {
      await checkOrganization(tx, actor.countyId, input.organizationId);
      const [row] = await selectRows<{ id: string }>(
        tx,
        sql`INSERT INTO county_contacts (county_id, organization_id, name, title, phone, email, notes)
            VALUES (${actor.countyId}, ${input.organizationId}, ${input.name}, ${orNull(input.title)}, ${orNull(input.phone)},
                    ${orNull(input.email)}, ${orNull(input.notes)})
            RETURNING id`,
      );
      note({ contactId: row!.id, organizationId: input.organizationId });
      return view((await load(tx, row!.id))!);
    },
    { audit: true },
  );
}

export function updateContact(repo: AdminContext, id: string, patch: z.infer<typeof ContactPatch>) {
  return repo.forCounty(
    'directory.contact.update',
    async ({ tx, actor, note }) => {
      const { version, ...input } = patch;
      const fields = Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined);
      if (fields.length === 0)
        throw badRequest(
          'Send at least one field to change, with the version you loaded.',
          undefined,
          'nothing_to_change',
        );
      const current = await load(tx, id);
      if (!current) throw notFound('contact');
      if (current.version !== version) {
        throw conflict(
          `Someone changed this contact after you opened it (you had version ${version}, it is now ${current.version}). Reload and try again.`,
          { yourVersion: version, currentVersion: current.version },
          'stale_version',
        );
      }
      if (input.organizationId !== undefined) await checkOrganization(tx, actor.countyId, input.organizationId);
      const pick = <K extends keyof typeof input>(k: K, old: unknown) => (input[k] === undefined ? old : input[k]);
      await tx.execute(sql`UPDATE county_contacts SET
          organization_id = ${pick('organizationId', current.organization_id)}, name = ${pick('name', current.name)},
          title = ${pick('title', current.title)}, phone = ${pick('phone', current.phone)}, email = ${pick('email', current.email)},
          notes = ${pick('notes', current.notes)}, version = version + 1, updated_at = now()
        WHERE id = ${id} AND version = ${version}`);
      note({ contactId: id, fields, version: version + 1 });
      return view((await load(tx, id))!);
    },
    { audit: true },
  );
}

export function deleteContact(repo: AdminContext, id: string) {
  return repo.forCounty(
    'directory.contact.delete',
    async ({ tx, note }) => {
      const current = await load(tx, id);
      if (!current) throw notFound('contact');
      await tx.execute(sql`DELETE FROM county_contacts WHERE id = ${id}`);
      note({ contactId: id, organizationId: current.organization_id, name: current.name });
    },
    { audit: true },
  );
}
