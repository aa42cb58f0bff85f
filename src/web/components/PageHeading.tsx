import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

interface Props {
  children: ReactNode;
  /** The browser tab title. Never put a youth's name here: titles end up in browser history. */
  documentTitle: string;
}

/** The page's one <h1>. After moving to another page, focus goes here so screen readers announce it. */
export function PageHeading({ children, documentTitle }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  const { key } = useLocation();

  useEffect(() => {
    document.title = `${documentTitle} | ${t('app.name')}`;
  }, [documentTitle, t]);

  useEffect(() => {
    // "default" is the page the browser first opened; leave focus alone there.
    if (key !== 'default') ref.current?.focus();
  }, [key]);

  return (
    <h1 ref={ref} tabIndex={-1} className="harbor-page-heading">
      {children}
    </h1>
  );
}
