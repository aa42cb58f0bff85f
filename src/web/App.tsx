import { Route, Routes } from 'react-router';
import { canImportExtract, ImportPage } from './admin/ImportPage';
import { CountyAdvocacyPage } from './advocacy/CountyAdvocacyPage';
import { OrganizationPage } from './advocacy/OrganizationPage';
import { canUseCboView, canUseCountyAdvocacy } from './advocacy/roles';
import { BoardReportPage } from './board-report/BoardReportPage';
import { canSeeBoardReport } from './board-report/roles';
import { CompliancePage } from './compliance/CompliancePage';
import { canSeeCompliance } from './compliance/roles';
import { DataQualityPage } from './data-quality/DataQualityPage';
import { canWorkDataQuality } from './data-quality/roles';
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
import { CurrentlyMissingPage } from './missing/CurrentlyMissing';
import { EpisodePage } from './missing/EpisodePage';
import { ReportMissingPage } from './missing/ReportMissingPage';
import { NotificationsPage } from './notifications/NotificationsPage';
import { AccessLogPage } from './pages/AccessLogPage';
import { FiguresPage } from './pages/FiguresPage';
import { SignInPage } from './pages/SignInPage';
import { YouthProfilePage } from './profile/YouthProfilePage';
import { NewScreeningPage } from './screening/NewScreeningPage';
import { ScreeningPage } from './screening/ScreeningPage';
import { SearchPage } from './search/SearchPage';
import { CountySettingsPage } from './settings/CountySettingsPage';
import { canSeeCountySettings } from './settings/types';
import { canEnterPlanFigures, canRunStateProgram, canSeeStateReport, canSeeSubmissions } from './state-program/common';
import { PlanFiguresPage } from './state-program/PlanFiguresPage';
import { ProgramPage } from './state-program/ProgramPage';
import { StateReportPage } from './state-program/StateReportPage';
import { SubmissionsPage } from './state-program/SubmissionsPage';
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
            path="compliance"
            element={
              <RequireRole allow={canSeeCompliance}>
                <CompliancePage />
              </RequireRole>
            }
          />
          <Route
            path="data-quality"
            element={
              <RequireRole allow={canWorkDataQuality}>
                <DataQualityPage />
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
          <Route
            path="missing"
            element={
              <RequireRole allow={canUseWorklist}>
                <CurrentlyMissingPage />
              </RequireRole>
            }
          />
          <Route
            path="advocacy/organization"
            element={
              <RequireRole allow={canUseCboView}>
                <OrganizationPage />
              </RequireRole>
            }
          />
          <Route
            path="advocacy/county"
            element={
              <RequireRole allow={canUseCountyAdvocacy}>
                <CountyAdvocacyPage />
              </RequireRole>
            }
          />
          <Route
            path="reports/advocacy"
            element={
              <RequireRole allow={canSeeBoardReport}>
                <BoardReportPage />
              </RequireRole>
            }
          />
          <Route
            path="reports/state"
            element={
              <RequireRole allow={canSeeStateReport}>
                <StateReportPage />
              </RequireRole>
            }
          />
          <Route
            path="state/plans"
            element={
              <RequireRole allow={canEnterPlanFigures}>
                <PlanFiguresPage />
              </RequireRole>
            }
          />
          <Route
            path="state/program"
            element={
              <RequireRole allow={canRunStateProgram}>
                <ProgramPage />
              </RequireRole>
            }
          />
          <Route
            path="state/submissions"
            element={
              <RequireRole allow={canSeeSubmissions}>
                <SubmissionsPage />
              </RequireRole>
            }
          />
          <Route
            path="settings"
            element={
              <RequireRole allow={canSeeCountySettings}>
                <CountySettingsPage />
              </RequireRole>
            }
          />
          <Route
            path="admin/import"
            element={
              <RequireRole allow={canImportExtract}>
                <ImportPage />
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
          <Route path="youth/:id/missing/new" element={<ReportMissingPage />} />
          <Route path="youth/:id/missing/:episodeId" element={<EpisodePage />} />
        </Route>
        <Route path="*" element={<NotFoundContent />} />
      </Route>
    </Routes>
  );
}
