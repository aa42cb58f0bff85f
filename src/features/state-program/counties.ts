// California's counties as the state program names them: by Harbor code ("los-angeles"), by name
// ("Los Angeles", "Los Angeles County", any case) or by FIPS code ("037", "37", "06037"). Name
// and FIPS matching is the state extract importer's (src/features/import/extract-format.ts).
import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '../../db/client.js';
import { countyResolver } from '../import/extract-format.js';

export interface CountyInfo {
  id: string;
  code: string;
  name: string;
  fips: string | null;
}

/** The 58 counties (and any other county row), by name. Every application role reads counties. */
export function loadCounties(tx: Db): Promise<CountyInfo[]> {
  return selectRows<CountyInfo>(tx, sql`SELECT id, code, name, fips FROM counties ORDER BY name`);
}

/** A lookup by code, name or FIPS code; null when no county matches. */
export function countyLookup(counties: CountyInfo[]): (value: string) => CountyInfo | null {
  const byName = countyResolver(counties);
  const byCode = new Map(counties.map((c) => [c.code, c]));
  const byId = new Map(counties.map((c) => [c.id, c]));
  return (value) => {
    const v = value.trim();
    const code = byCode.get(v.toLowerCase());
    if (code) return code;
    const found = byName(v);
    return found ? (byId.get(found.id) ?? null) : null;
  };
}
