// What leaves the directory: the provider as the API shows it. A resource family's address is a
// placement address and is withheld here, the one place every endpoint and export goes through.
import type { z } from 'zod';
import { asDate } from '../../db/client.js';
import { addressWithheld, isStale } from '../../domain/directory.js';
import { can } from '../../access/abilities.js';
import type { Actor } from '../../access/actor.js';
import { forbidden, HarborError } from '../../errors.js';
import type { ProviderView } from '../../contract/directory.js';
import { rowToData, type ProviderRow } from './store.js';

export type ProviderViewT = z.infer<typeof ProviderView>;

export function toView(r: ProviderRow): ProviderViewT {
  const data = rowToData(r);
  const withheld = addressWithheld(r.kind);
  const confirmedAt = r.vacancies_confirmed_at === null ? null : asDate(r.vacancies_confirmed_at);
  return {
    id: r.id,
    ...data,
    organizationName: r.organization_name,
    address: withheld ? null : data.address,
    addressWithheld: withheld,
    vacanciesConfirmedAt: confirmedAt?.toISOString() ?? null,
    vacanciesStale: data.beds !== null || data.vacancies !== null ? isStale(confirmedAt) : false,
    csecTrained: data.csecTrainings.length > 0,
    version: r.version,
    createdAt: asDate(r.created_at).toISOString(),
    updatedAt: asDate(r.updated_at).toISOString(),
  };
}

/** A history snapshot as shown: without the address if it, or the provider today, is a resource family. */
export function redactSnapshot(snapshot: Record<string, unknown>, currentKind: string): Record<string, unknown> {
  const withheld = addressWithheld(String(snapshot.kind), currentKind);
  return { ...snapshot, address: withheld ? null : (snapshot.address ?? null), addressWithheld: withheld };
}

/**
 * County administrators edit every entry of their county; an organization's administrators only
 * the entries their organization runs.
 */
export function requireEditor(
  actor: Actor,
  provider: { organization_id: string | null; organization_name: string | null } | null,
  target?: string | null,
) {
  if (can(actor, 'directory.edit_any')) return;
  if (!can(actor, 'directory.edit'))
    throw forbidden(
      'Only county administrators and organization administrators edit the directory.',
      'directory_edit_not_allowed',
    );
  if (provider && provider.organization_id !== actor.organizationId) {
    throw new HarborError(
      403,
      'directory_entry_not_yours',
      `You can edit your own organization's directory entries only; this one belongs to ${provider.organization_name ?? 'no organization'}. ` +
        'Ask a county administrator to change it.',
      { organization: provider.organization_name },
    );
  }
  if (target !== undefined && target !== actor.organizationId) {
    throw forbidden(
      "An organization administrator's entries belong to their own organization; leave organizationId out or set it to your organization's id.",
      'directory_organization_fixed',
    );
  }
}
