import { GridContainer } from '@trussworks/react-uswds';
import { Suspense } from 'react';
import { Outlet, useLocation } from 'react-router';
import { ErrorBoundary } from './ErrorBoundary';
import { Loading } from './Loading';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';
import { SkipLink } from './SkipLink';

export function Layout() {
  const { pathname } = useLocation();
  return (
    <div className="harbor-layout">
      <SkipLink />
      <SiteHeader />
      <main id="main-content" tabIndex={-1} className="harbor-main">
        <GridContainer>
          {/* A new page starts with a clean slate after a crash on the previous one. */}
          <ErrorBoundary key={pathname}>
            {/* Pages load on demand (src/web/lib/lazyPage.ts); "Loading…" is a polite live region. */}
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </GridContainer>
      </main>
      <SiteFooter />
    </div>
  );
}
