// Writers of one youth's numbered or rule-checked records (safety plan versions, CSEC Types)
// take this lock before they read what exists and write what comes next, so two requests at the
// same moment run one after the other instead of both computing "version 3" (a 500 on the unique
// index) or both passing a rule that only one of them may pass.
//
// FOR NO KEY UPDATE: it needs the UPDATE privilege harbor_app has on youth (migration 0003) and
// passes the row-level security policy like any update; it does not block inserts that only
// reference the youth (foreign keys take FOR KEY SHARE), nor readers. It is released at commit
// or rollback. In READ COMMITTED (the checkpoint's level) the next statement after the wait sees
// what the previous holder committed.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';

export async function lockYouthForWrite(tx: Db, youthId: string): Promise<void> {
  await tx.execute(sql`SELECT 1 FROM youth WHERE id = ${youthId} FOR NO KEY UPDATE`);
}
