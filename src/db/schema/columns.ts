// Column helpers shared by the table files. Not a table: src/db/schema.ts does not re-export it.
import { timestamp } from 'drizzle-orm/pg-core';

/** `timestamptz`, read as a JS Date (the same in both database modes). */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
