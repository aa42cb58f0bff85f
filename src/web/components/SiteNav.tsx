import { Button, Icon } from '@trussworks/react-uswds';
import { FocusTrap } from 'focus-trap-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router';
import { canImportExtract } from '../import/roles';
import { canUseCboView, canUseCountyAdvocacy } from '../advocacy/roles';
import { canSeeBoardReport } from '../board-report/roles';
import { canSeeCompliance } from '../compliance/roles';
import { canWorkDataQuality } from '../data-quality/roles';
import { canSearchYouth, canSeeFigures, canUseWorklist } from '../lib/roles';
import { NotificationsLink } from '../notifications/NotificationsLink';
import { useSession } from '../auth/SessionContext';
import { canSeeCountySettings } from '../county/types';
import { canEnterPlanFigures, canRunStateProgram, canSeeStateReport, canSeeSubmissions } from '../state-program/common';
import type { SessionView } from '../../contract/auth';
import { LanguageSwitch } from './LanguageSwitch';

interface Props {
  session: SessionView;
  /** The slide-out menu is open (small screens). */
  expanded: boolean;
  onClose: (returnFocus: boolean) => void;
}

const linkClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'usa-nav-link usa-current' : 'usa-nav-link');

/** The USWDS extended navigation: pages on the left, the user and account actions on the right. */
export function SiteNav({ session, expanded, onClose }: Props) {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);
  const { user } = session;

  const primary = [
    canUseWorklist(session) && (
      <NavLink key="work" to="/work" className={linkClass}>
        <span>{t('nav.work')}</span>
      </NavLink>
    ),
    canUseWorklist(session) && (
      <NavLink key="missing" to="/missing" className={linkClass}>
        <span>{t('missing.current.heading')}</span>
      </NavLink>
    ),
    canSearchYouth(session) && (
      <NavLink key="search" to="/search" className={linkClass}>
        <span>{t('nav.search')}</span>
      </NavLink>
    ),
    <NavLink key="directory" to="/directory" className={linkClass}>
      <span>{t('nav.directory')}</span>
    </NavLink>,
    canSeeFigures(session) && (
      <NavLink key="figures" to="/figures" className={linkClass}>
        <span>{t('nav.figures')}</span>
      </NavLink>
    ),
    canSeeCompliance(session) && (
      <NavLink key="compliance" to="/compliance" className={linkClass}>
        <span>{t('compliancePage.nav')}</span>
      </NavLink>
    ),
    canWorkDataQuality(session) && (
      <NavLink key="data-quality" to="/data-quality" className={linkClass}>
        <span>{t('dataQuality.nav')}</span>
      </NavLink>
    ),
    canUseCboView(session) && (
      <NavLink key="advocacy-org" to="/advocacy/organization" className={linkClass}>
        <span>{t('advocacy.nav')}</span>
      </NavLink>
    ),
    canUseCountyAdvocacy(session) && (
      <NavLink key="advocacy-county" to="/advocacy/county" className={linkClass}>
        <span>{t('countyAdvocacy.nav')}</span>
      </NavLink>
    ),
    canSeeBoardReport(session) && (
      <NavLink key="board-report" to="/reports/advocacy" className={linkClass}>
        <span>{t('boardReport.nav')}</span>
      </NavLink>
    ),
    canSeeStateReport(session) && (
      <NavLink key="state-report" to="/reports/state" className={linkClass}>
        <span>{t('stateReport.nav')}</span>
      </NavLink>
    ),
    canSeeSubmissions(session) && (
      <NavLink key="state-submissions" to="/state/submissions" className={linkClass}>
        <span>{t('stateSubmissions.nav')}</span>
      </NavLink>
    ),
    canEnterPlanFigures(session) && (
      <NavLink key="state-plans" to="/state/plans" className={linkClass}>
        <span>{t('statePlans.nav')}</span>
      </NavLink>
    ),
    canRunStateProgram(session) && (
      <NavLink key="state-program" to="/state/program" className={linkClass}>
        <span>{t('stateProgram.nav')}</span>
      </NavLink>
    ),
    canSeeCountySettings(session) && (
      <NavLink key="county-settings" to="/settings" className={linkClass}>
        <span>{t('countySettings.nav')}</span>
      </NavLink>
    ),
    canImportExtract(session) && (
      <NavLink key="import" to="/admin/import" className={linkClass}>
        <span>{t('imports.nav')}</span>
      </NavLink>
    ),
  ].filter(Boolean);

  const onSignOut = async () => {
    setSigningOut(true);
    await signOut();
    void navigate('/sign-in', { replace: true });
  };

  return (
    <FocusTrap
      active={expanded}
      focusTrapOptions={{
        // Escape closes the menu and returns to the Menu button; a click outside just closes it.
        escapeDeactivates: () => {
          onClose(true);
          return false;
        },
        clickOutsideDeactivates: true,
        returnFocusOnDeactivate: false,
        onDeactivate: () => onClose(false),
      }}
    >
      <nav id="site-nav" aria-label={t('nav.label')} className={`usa-nav${expanded ? ' is-visible' : ''}`}>
        <div className="usa-nav__inner">
          <button
            type="button"
            className="usa-nav__close"
            aria-label={t('header.closeMenu')}
            onClick={() => onClose(true)}
          >
            <Icon.Close size={3} aria-hidden="true" />
          </button>
          <ul className="usa-nav__primary usa-accordion">
            {primary.map((item, i) => (
              <li key={i} className="usa-nav__primary-item">
                {item}
              </li>
            ))}
          </ul>
          <div className="usa-nav__secondary">
            <p className="harbor-account">
              <span className="harbor-account__name">{user.displayName}</span>
              <span className="harbor-account__org">
                {t('header.orgAndCounty', { organization: user.organization.name, county: user.county.name })}
              </span>
            </p>
            <ul className="usa-nav__secondary-links">
              <li className="usa-nav__secondary-item">
                <NotificationsLink />
              </li>
              <li className="usa-nav__secondary-item">
                <LanguageSwitch />
              </li>
              <li className="usa-nav__secondary-item">
                <Button type="button" unstyled disabled={signingOut} onClick={() => void onSignOut()}>
                  {signingOut ? t('header.signingOut') : t('header.signOut')}
                </Button>
              </li>
            </ul>
          </div>
        </div>
      </nav>
    </FocusTrap>
  );
}
