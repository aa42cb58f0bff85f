// Lists that scale: one way to ask for a page of a list and to answer with it, shared by the
// server (query schemas) and the web (the pager, sortable headers). A list pages on the server
// (limit and offset), sorts on the server by a named key with a stable tie-breaker (the record
// id), and answers with the true total from a count query, never the length of the page.
//
// A list adopts it by spreading `pageQuery(...)` into its query object and `PageInfo` into its
// answer; its CSV export takes the same filters and sort without limit and offset.
import { z } from 'zod';

/** Rows per page when the caller does not say. */
export const PAGE_SIZE_DEFAULT = 25;
/** The most rows one page holds. */
export const PAGE_SIZE_MAX = 100;
/** The furthest a page may start: beyond it, narrow the list with its filters. */
export const OFFSET_MAX = 1_000_000;

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/**
 * The paging and sorting fields of a list's query string: `limit` (1 to 100, default 25),
 * `offset` (0 to 1,000,000), `sort` (one of `sorts`) and `dir` (asc or desc). Anything else
 * (negative, fractional, huge, not a number, NUL) is a 400 naming the field.
 */
export function pageQuery<const S extends readonly [string, ...string[]]>(
  sorts: S,
  defaults: { sort: S[number]; dir: SortDirection; limit?: number },
) {
  return {
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(PAGE_SIZE_MAX)
      .default(defaults.limit ?? PAGE_SIZE_DEFAULT)
      .describe(`Rows per page, 1 to ${PAGE_SIZE_MAX}`),
    offset: z.coerce
      .number()
      .int()
      .min(0)
      .max(OFFSET_MAX)
      .default(0)
      .describe('How many rows to skip (the first row of the page, counting from 0)'),
    sort: z
      .enum(sorts)
      .default(defaults.sort as S[number] & string)
      .describe(`Sort by: ${sorts.join(', ')}; ties are broken by id`),
    dir: z.enum(SORT_DIRECTIONS).default(defaults.dir).describe('asc or desc'),
  };
}

/** What every page answer carries besides its rows. */
export const PageInfo = {
  total: z.number().int().describe('How many rows the whole list holds (a count, not the page length)'),
  limit: z.number().int(),
  offset: z.number().int(),
};

/** Languages an export's words may be written in. */
export const EXPORT_LANGUAGES = ['en', 'es'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];
export const exportLanguage = () =>
  z.enum(EXPORT_LANGUAGES).default('en').describe('The language of the headers and words in the file');
