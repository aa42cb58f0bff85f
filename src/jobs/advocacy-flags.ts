// The advocacy performance-flag job: finds candidate performance issues for every county
// (src/features/advocacy/flags.ts). A job on the system connection (no checkpoint, no county
// wall); idempotent, so two runs or two instances add each finding once.
import type { SystemDatabase } from '../access/checkpoint.js';
import { systemRepo } from '../access/checkpoint.js';
import { detectPerformanceFlags } from '../features/advocacy/flags.js';

export function runAdvocacyFlags(database: SystemDatabase, now: Date = new Date()): Promise<{ added: number }> {
  return systemRepo(database).transactionWith({ 'harbor.job': 'advocacy_flags' }, (tx) =>
    detectPerformanceFlags(tx, now),
  );
}
