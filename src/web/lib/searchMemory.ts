// The last search, kept in memory only so "Back" from a profile returns to the same results.
// Never in the URL or browser storage: names of youth must not land in browser history.
let lastQuery = '';

export function rememberQuery(query: string): void {
  lastQuery = query;
}

export function recalledQuery(): string {
  return lastQuery;
}

export function forgetQuery(): void {
  lastQuery = '';
}
