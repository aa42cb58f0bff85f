import { Route, Routes } from 'react-router';
import { HomeRedirect } from './components/HomeRedirect';
import { Layout } from './components/Layout';
import { NotFoundContent } from './components/NotFoundContent';
import { RequireRole } from './components/RequireRole';
import { RequireSession } from './components/RequireSession';
import { ContactsPage } from './directory/ContactsPage';
import { DirectoryPage } from './directory/DirectoryPage';
import { NewProviderPage } from './directory/NewProviderPage';
import { ProviderPage } from './directory/ProviderPage';
import { canAddProviders, canSearchYouth, canSeeFigures, canUseWorklist } from './lib/roles';
import { NotificationsPage } from './notifications/NotificationsPage';
import { AccessLogPage } from './pages/AccessLogPage';
import { FiguresPage } from './pages/FiguresPage';
import { SignInPage } from './pages/SignInPage';
import { YouthProfilePage } from './profile/YouthProfilePage';
import { NewScreeningPage } from './screening/NewScreeningPage';
import { ScreeningPage } from './screening/ScreeningPage';
import { SearchPage } from './search/SearchPage';
import { MyWorkPage } from './work/MyWorkPage';

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
          <Route
            path="work"
            element={
              <RequireRole allow={canUseWorklist}>
                <MyWorkPage />
              </RequireRole>
            }
          />
          <Route path="notifications" element={<NotificationsPage />} />
          <Route path="directory" element={<DirectoryPage />} />
          <Route path="directory/contacts" element={<ContactsPage />} />
          <Route
            path="directory/providers/new"
            element={
              <RequireRole allow={canAddProviders}>
                <NewProviderPage />
              </RequireRole>
            }
          />
          <Route path="directory/providers/:id" element={<ProviderPage />} />
          <Route path="youth/:id" element={<YouthProfilePage />} />
          <Route path="youth/:id/screenings/new" element={<NewScreeningPage />} />
          <Route path="youth/:id/screenings/:screeningId" element={<ScreeningPage />} />
          <Route path="youth/:id/access-log" element={<AccessLogPage />} />
        </Route>
        <Route path="*" element={<NotFoundContent />} />
      </Route>
    </Routes>
  );
}
