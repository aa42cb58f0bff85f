// Everything a database needs before Harbor serves from it: the schema, then the reference data
// Harbor ships (demonstration instruments). Safe to run at every start.
import { installShippedInstruments } from '../features/instruments/install.js';
import { installServiceCatalog } from '../features/services/install-catalog.js';
import type { Database } from './client.js';
import { migrate } from './migrate.js';

export async function prepareDatabase(database: Database): Promise<string[]> {
  const applied = await migrate(database);
  await installShippedInstruments(database);
  await installServiceCatalog(database);
  return applied;
}
