import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

interface Props {
  children: ReactNode;
  /** The browser tab title. Never put a youth's name here: titles end up in browser history. */
  documentTitle: string;
}

// Focus moves to the new page's heading only once the person has done something (clicked, tapped,
// typed). On a fresh page load, including its redirects, focus stays at the top so the first Tab
// reaches "Skip to main content", as on any web page.
let personHasActed = false;
const markActed = () => {
  personHasActed = true;
};
document.addEventListener('pointerdown', markActed, { capture: true, once: true });
document.addEventListener('keydown', markActed, { capture: true, once: true });

/** The page's one <h1>. After moving to another page, focus goes here so screen readers announce it. */
export function PageHeading({ children, documentTitle }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  const { key } = useLocation();

  useEffect(() => {
    document.title = `${documentTitle} | ${t('app.name')}`;
  }, [documentTitle, t]);

  useEffect(() => {
    if (personHasActed) ref.current?.focus();
  }, [key]);

  return (
    <h1 ref={ref} tabIndex={-1} className="harbor-page-heading">
      {children}
    </h1>
  );
}
