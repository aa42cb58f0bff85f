// How a youth is named on every list and record: the one place for the rule (server side).
//
// A youth is called by their preferred name (or legal first name) and last name. A youth from a
// de-identified state extract has no names (migration 0014): they are shown by their state client
// id instead, the CWS/CMS identifier in youth_identifiers. The server sends the two apart, the
// name or NULL and the client id when there is no name, and the web words the label in the
// user's language (web/lib/youthName.ts: "State client 1234567").
import { sql, type SQL } from 'drizzle-orm';
import type { IdentifierSystem } from '../../domain/people.js';

/** The identifier system whose value stands in for a nameless youth's name. */
export const STATE_CLIENT_ID_SYSTEM: IdentifierSystem = 'cws_cms';

const alias = (youthAlias: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(youthAlias)) throw new Error('youth alias must be a plain SQL identifier');
  return sql.raw(youthAlias);
};

/** The name the youth is called by, or NULL when the record has no names. */
export function youthNameSql(youthAlias = 'y'): SQL {
  const y = alias(youthAlias);
  return sql`nullif(concat_ws(' ', coalesce(${y}.preferred_name, ${y}.legal_first_name), ${y}.legal_last_name), '')`;
}

/** The youth's legal names, or NULL when the record has none. */
export function youthLegalNameSql(youthAlias = 'y'): SQL {
  const y = alias(youthAlias);
  return sql`nullif(concat_ws(' ', ${y}.legal_first_name, ${y}.legal_last_name), '')`;
}

/** The youth's state client id (the lowest when several are recorded), or NULL. */
export function stateClientIdSql(youthAlias = 'y'): SQL {
  const y = alias(youthAlias);
  const system = sql.raw(`'${STATE_CLIENT_ID_SYSTEM}'`);
  return sql`(SELECT i.value FROM youth_identifiers i
               WHERE i.youth_id = ${y}.id AND i.system = ${system} ORDER BY i.value LIMIT 1)`;
}

/**
 * The two columns a list shows a youth by: `<prefix>name` (the name, or NULL for a nameless
 * youth) and `<prefix>client_id` (the state client id, only when there is no name: a named youth's
 * identifiers stay on their record).
 */
export function youthLabelColumns(youthAlias = 'y', prefix = 'youth_'): SQL {
  if (!/^[a-z_]*$/.test(prefix)) throw new Error('column prefix must be plain SQL');
  const name = youthNameSql(youthAlias);
  return sql`${name} AS ${sql.raw(`${prefix}name`)},
    CASE WHEN ${name} IS NULL THEN ${stateClientIdSql(youthAlias)} END AS ${sql.raw(`${prefix}client_id`)}`;
}
