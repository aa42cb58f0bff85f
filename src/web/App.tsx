import { Route, Routes } from 'react-router';
import { canImportExtract } from './import/roles';
import { canUseCboView, canUseCountyAdvocacy } from './advocacy/roles';
import { canSeeBoardReport } from './board-report/roles';
import { canSeeCompliance } from './compliance/roles';
import { canWorkDataQuality } from './data-quality/roles';
import { HomeRedirect } from './components/HomeRedirect';
import { Layout } from './components/Layout';
import { NotFoundContent } from './components/NotFoundContent';
import { RequireRole } from './components/RequireRole';
import { RequireSession } from './components/RequireSession';
import { lazyPage } from './lib/lazyPage';
import { canAddProviders, canAddYouth, canSearchYouth, canSeeFigures, canUseWorklist } from './lib/roles';
import { SignInPage } from './auth/SignInPage';
import { canSeeCountySettings } from './county/types';
import { canEnterPlanFigures, canRunStateProgram, canSeeStateReport, canSeeSubmissions } from './state-program/common';

// Every page but sign-in is its own chunk, loaded when first opened (the layout shows "Loading…").
const ImportPage = lazyPage(() => import('./import/ImportPage'), 'ImportPage');
const CountyAdvocacyPage = lazyPage(() => import('./advocacy/CountyAdvocacyPage'), 'CountyAdvocacyPage');
const OrganizationPage = lazyPage(() => import('./advocacy/OrganizationPage'), 'OrganizationPage');
const BoardReportPage = lazyPage(() => import('./board-report/BoardReportPage'), 'BoardReportPage');
const CompliancePage = lazyPage(() => import('./compliance/CompliancePage'), 'CompliancePage');
const DataQualityPage = lazyPage(() => import('./data-quality/DataQualityPage'), 'DataQualityPage');
const ContactsPage = lazyPage(() => import('./directory/ContactsPage'), 'ContactsPage');
const DirectoryPage = lazyPage(() => import('./directory/DirectoryPage'), 'DirectoryPage');
const NewProviderPage = lazyPage(() => import('./directory/NewProviderPage'), 'NewProviderPage');
const ProviderPage = lazyPage(() => import('./directory/ProviderPage'), 'ProviderPage');
const CurrentlyMissingPage = lazyPage(() => import('./missing/CurrentlyMissing'), 'CurrentlyMissingPage');
const EpisodePage = lazyPage(() => import('./missing/EpisodePage'), 'EpisodePage');
const ReportMissingPage = lazyPage(() => import('./missing/ReportMissingPage'), 'ReportMissingPage');
const NewYouthPage = lazyPage(() => import('./youth/NewYouthPage'), 'NewYouthPage');
const NotificationsPage = lazyPage(() => import('./notifications/NotificationsPage'), 'NotificationsPage');
const AccessLogPage = lazyPage(() => import('./youth/AccessLogPage'), 'AccessLogPage');
const FiguresPage = lazyPage(() => import('./stats/FiguresPage'), 'FiguresPage');
const YouthProfilePage = lazyPage(() => import('./youth/YouthProfilePage'), 'YouthProfilePage');
const YouthPrintPage = lazyPage(() => import('./youth/YouthPrintPage'), 'YouthPrintPage');
const SafetyPlanPrintPage = lazyPage(() => import('./youth/YouthPrintPage'), 'SafetyPlanPrintPage');
const NewScreeningPage = lazyPage(() => import('./screenings/NewScreeningPage'), 'NewScreeningPage');
const ScreeningPage = lazyPage(() => import('./screenings/ScreeningPage'), 'ScreeningPage');
const SearchPage = lazyPage(() => import('./youth/SearchPage'), 'SearchPage');
const CountySettingsPage = lazyPage(() => import('./county/CountySettingsPage'), 'CountySettingsPage');
const PlanFiguresPage = lazyPage(() => import('./state-program/PlanFiguresPage'), 'PlanFiguresPage');
const ProgramPage = lazyPage(() => import('./state-program/ProgramPage'), 'ProgramPage');
const StateReportPage = lazyPage(() => import('./state-program/StateReportPage'), 'StateReportPage');
const SubmissionsPage = lazyPage(() => import('./state-program/SubmissionsPage'), 'SubmissionsPage');
const MyWorkPage = lazyPage(() => import('./obligations/MyWorkPage'), 'MyWorkPage');

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
          <Route
            path="youth/new"
            element={
              <RequireRole allow={canAddYouth}>
                <NewYouthPage />
              </RequireRole>
            }
          />
          <Route path="youth/:id" element={<YouthProfilePage />} />
          <Route path="youth/:id/print" element={<YouthPrintPage />} />
          <Route path="youth/:id/print/safety-plan" element={<SafetyPlanPrintPage />} />
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
