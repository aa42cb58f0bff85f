import { Header, NavMenuButton, Title } from '@trussworks/react-uswds';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { NotificationsHeaderLink } from '../notifications/NotificationsLink';
import { useSession } from '../auth/SessionContext';
import { LanguageSwitch } from './LanguageSwitch';
import { SiteNav } from './SiteNav';

/** USWDS's desktop breakpoint, where the navigation stops being a slide-out menu. */
const DESKTOP = '(min-width: 64em)';

export function SiteHeader() {
  const { t } = useTranslation();
  const { state } = useSession();
  const { pathname } = useLocation();
  const [expanded, setExpanded] = useState(false);
  const [desktop, setDesktop] = useState(() => window.matchMedia(DESKTOP).matches);
  const menuButton = useRef<HTMLButtonElement>(null);
  const signedIn = state.status === 'active' && state.session.complete;

  const focusMenuButton = useRef(false);
  const close = useCallback((returnFocus: boolean) => {
    if (returnFocus) focusMenuButton.current = true;
    setExpanded(false);
  }, []);

  // After the menu's focus trap has let go, put focus back on the Menu button if asked.
  useEffect(() => {
    if (!expanded && focusMenuButton.current) {
      focusMenuButton.current = false;
      menuButton.current?.focus();
    }
  }, [expanded]);

  // Close the menu when the page changes or the window grows to desktop width.
  useEffect(() => setExpanded(false), [pathname]);
  useEffect(() => {
    const query = window.matchMedia(DESKTOP);
    const onChange = () => {
      setDesktop(query.matches);
      if (query.matches) setExpanded(false);
    };
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);

  return (
    <Header extended showMobileOverlay={expanded} className="harbor-header">
      <div className="usa-navbar">
        <Title>
          <Link to="/" aria-label={t('header.home')}>
            {t('app.name')}
          </Link>
        </Title>
        {/* On phones the menu is folded away: the unread count stays in sight beside the Menu button. */}
        {signedIn && !desktop && <NotificationsHeaderLink />}
        {signedIn ? (
          <NavMenuButton
            ref={menuButton}
            label={t('header.menu')}
            onClick={() => setExpanded(true)}
            aria-expanded={expanded}
            aria-controls="site-nav"
          />
        ) : (
          <div className="harbor-navbar-language">
            <LanguageSwitch />
          </div>
        )}
      </div>
      {signedIn && <SiteNav session={state.session} expanded={expanded} onClose={close} />}
    </Header>
  );
}
