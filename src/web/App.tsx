import { Route, Routes } from 'react-router';
import { HomeRedirect } from './components/HomeRedirect';
import { Layout } from './components/Layout';
import { NotFoundContent } from './components/NotFoundContent';
import { RequireRole } from './components/RequireRole';
import { RequireSession } from './components/RequireSession';
import { canSearchYouth, canSeeFigures } from './lib/roles';
import { AccessLogPage } from './pages/AccessLogPage';
import { FiguresPage } from './pages/FiguresPage';
import { SignInPage } from './pages/SignInPage';
import { YouthProfilePage } from './profile/YouthProfilePage';
import { SearchPage } from './search/SearchPage';

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="sign-in" element={<SignInPage />} />
        <Route element={<RequireSession />}>
          <Route index element={<HomeRedirect />} />
          <Route
            path="search"
            element={
              <RequireRole allow={canSearchYouth}>
                <SearchPage />
              </RequireRole>
            }
          />
          <Route
            path="figures"
            element={
              <RequireRole allow={canSeeFigures}>
                <FiguresPage />
              </RequireRole>
            }
          />
          <Route path="youth/:id" element={<YouthProfilePage />} />
          <Route path="youth/:id/access-log" element={<AccessLogPage />} />
        </Route>
        <Route path="*" element={<NotFoundContent />} />
      </Route>
    </Routes>
  );
}
