// Drizzle table definitions: the typed view of the schema that src/db/migrations/*.sql creates,
// one file per area under src/db/schema/. The SQL files are the source of truth;
// test/api/schema-drift.test.ts fails when a migrated table or column is missing here, or
// differs in type, nullability, default, generation or primary key (and the reverse).
// harbor_migrations is not declared: src/db/migrate.ts creates and owns it.
import * as advocacy from './schema/advocacy.js';
import * as audit from './schema/audit.js';
import * as core from './schema/core.js';
import * as identification from './schema/identification.js';
import * as missing from './schema/missing.js';
import * as obligations from './schema/obligations.js';
import * as response from './schema/response.js';
import * as services from './schema/services.js';
import * as state from './schema/state.js';

export * from './schema/advocacy.js';
export * from './schema/audit.js';
export * from './schema/core.js';
export * from './schema/identification.js';
export * from './schema/missing.js';
export * from './schema/obligations.js';
export * from './schema/response.js';
export * from './schema/services.js';
export * from './schema/state.js';

/** Every table, for `drizzle(client, { schema })` and the drift test. Area files export tables only. */
export const schema = {
  ...core,
  ...audit,
  ...identification,
  ...obligations,
  ...services,
  ...response,
  ...advocacy,
  ...missing,
  ...state,
};
