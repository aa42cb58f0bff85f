// A page loaded on demand: each page is its own script chunk, fetched the first time someone opens
// it, so the sign-in page does not wait for the code of every other page (src/web/App.tsx).
// While it loads, <Suspense> in the layout shows "Loading…" in a polite live region.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

const RELOADED_AT = 'harbor.chunkReloadedAt';
/** A second failure within this time is a real failure: show the error page, do not loop. */
const RELOAD_WINDOW_MS = 60_000;

/**
 * After a new release, a tab opened before it still names the old chunks, which are gone. The first
 * failure reloads the page once (fresh index.html, new chunk names); a second within a minute
 * goes to the error boundary.
 */
function reloadOnce(): boolean {
  try {
    const last = Number(window.sessionStorage.getItem(RELOADED_AT) ?? 0);
    if (Date.now() - last < RELOAD_WINDOW_MS) return false;
    window.sessionStorage.setItem(RELOADED_AT, String(Date.now()));
  } catch {
    return false;
  }
  window.location.reload();
  return true;
}

/** `lazyPage(() => import('./search/SearchPage'), 'SearchPage')`: the module's named export. */
export function lazyPage<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => {
    try {
      const module = await load();
      const page: ComponentType = module[name];
      return { default: page };
    } catch (error) {
      // The reload replaces the page; until then, keep showing "Loading…".
      if (reloadOnce()) return new Promise<never>(() => {});
      throw error;
    }
  });
}
