// The import summary in words, for the command line (the web page renders the same summary from
// its translated strings). Counts and codes only: never a name.
import { EXTRACT_FILES } from './extract-format.js';
import type { ImportProgress, ImportSummary } from './import-extract.js';

const n = (x: number) => x.toLocaleString('en-US');

export function describeSummary(s: ImportSummary): string {
  const out: string[] = [];
  if (!s.ok) {
    out.push(`Nothing was imported: ${n(s.errorCount)} error(s) to fix first.`);
    for (const e of s.errors)
      out.push(`  ${e.file}${e.line ? `:${e.line}` : ''}${e.column ? ` [${e.column}]` : ''}  ${e.code}: ${e.reason}`);
    if (s.errorCount > s.errors.length) {
      out.push(`  … and ${n(s.errorCount - s.errors.length)} more. By code:`);
      for (const [code, count] of Object.entries(s.errorsByCode)) out.push(`    ${code}: ${n(count ?? 0)}`);
    }
    return out.join('\n');
  }
  out.push(
    s.dryRun
      ? 'Dry run: this is what the import would do. Nothing was written.'
      : s.nothingChanged
        ? 'Nothing changed: every row matches what Harbor already holds.'
        : `Imported (batch ${s.batchId}).`,
  );
  for (const f of EXTRACT_FILES) {
    const fs = s.files[f];
    if (!fs.present) continue;
    out.push(
      `  ${`${f}.csv`.padEnd(16)} ${n(fs.rows).padStart(10)} rows: ${n(fs.inserted)} new, ${n(fs.updated)} updated, ${n(fs.unchanged)} unchanged` +
        (fs.repeated ? `, ${n(fs.repeated)} repeated (the last line counts)` : ''),
    );
    if (fs.ignoredColumns.length) out.push(`    ignored columns: ${fs.ignoredColumns.join(', ')}`);
  }
  if (s.files.csec_types.present) {
    out.push(
      `  CSEC Types associated with a referral: ${n(s.association.referral)}, with a case: ${n(s.association.case)}, with neither: ${n(s.association.none)}`,
    );
    if (s.typesKeptFromHarbor)
      out.push(`  CSEC Types already recorded in Harbor, kept as they are: ${n(s.typesKeptFromHarbor)}`);
  }
  if (s.ignoredFiles.length) out.push(`  ignored files: ${s.ignoredFiles.join(', ')}`);
  if (s.dataQuality)
    out.push(`  data-quality queue: ${n(s.dataQuality.opened)} new problem(s), ${n(s.dataQuality.fixed)} resolved`);
  out.push(`  ${s.counties} county(ies); ${s.seconds.toFixed(1)} s, ${n(s.rowsPerSecond)} rows/s`);
  return out.join('\n');
}

/** One progress line: rows per second and time left, estimated from the bytes read. */
export function describeProgress(p: ImportProgress): string {
  const seconds = p.elapsedMs / 1000;
  if (p.phase !== 'stage') return `${p.phase.replace('_', ' ')}… (${seconds.toFixed(1)} s)`;
  const rate = seconds > 0 ? p.rows / seconds : 0;
  const fraction = p.totalBytes ? p.bytesRead / p.totalBytes : 0;
  const left = fraction > 0 ? (seconds / fraction) * (1 - fraction) : 0;
  return `${p.file}.csv: ${n(p.rows)} rows, ${n(Math.round(rate))} rows/s, ${Math.round(fraction * 100)}% read, about ${Math.ceil(left)} s left`;
}
