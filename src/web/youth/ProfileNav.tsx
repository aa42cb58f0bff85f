import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

/** The profile's sections in page order: the heading each one has, and its name in the menu. */
const SECTIONS = [
  ['summary-heading', 'summary'],
  ['identity-heading', 'identity'],
  ['identity-history-heading', 'identityHistory'],
  ['contact-heading', 'contact'],
  ['csec-heading', 'csec'],
  ['timeline-heading', 'timeline'],
  ['first-response-heading', 'firstResponse'],
  ['care-heading', 'care'],
  ['missing-heading', 'missing'],
  ['safety-heading', 'safety'],
  ['mdt-heading', 'mdt'],
  ['advocacy-heading', 'advocacy'],
  ['cases-heading', 'cases'],
  ['referrals-heading', 'referrals'],
  ['assignments-heading', 'assignments'],
] as const;

type Section = (typeof SECTIONS)[number];

/** The sections that are on the page for this user (a role may not have some), kept up to date. */
function usePresentSections(container: RefObject<HTMLElement | null>): Section[] {
  const [present, setPresent] = useState<Section[]>([]);
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const update = () => {
      const next = SECTIONS.filter(([id]) => root.querySelector(`#${id}`));
      setPresent((prev) => (prev.length === next.length && prev.every((s, i) => s === next[i]) ? prev : next));
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [container]);
  return present;
}

/** Moves to a section's heading (and focus with it, for keyboard and screen reader users). */
function jump(id: string) {
  const heading = document.getElementById(id);
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
}

/**
 * The profile's side navigation (sticky beside the sections at desktop width) and, on a phone,
 * a compact "Jump to a section" menu. Both list only the sections on the page.
 */
export function ProfileNav({ container }: { container: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation();
  const present = usePresentSections(container);
  const [open, setOpen] = useState(false);
  const links = (onPick?: () => void) =>
    present.map(([id, key]) => (
      <li key={id} className="usa-sidenav__item">
        <a
          href={`#${id}`}
          onClick={(e) => {
            e.preventDefault();
            onPick?.();
            jump(id);
            history.replaceState(history.state, '', `#${id}`);
          }}
        >
          {t(`profileLead.sections.${key}`)}
        </a>
      </li>
    ));
  return (
    <>
      <nav aria-label={t('profileLead.sectionsNav')} className="harbor-profile-nav harbor-no-print">
        <ul className="usa-sidenav">{links()}</ul>
      </nav>
      <details
        className="harbor-jump-menu harbor-no-print"
        open={open}
        onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
      >
        <summary className="usa-button usa-button--outline">{t('profileLead.jump')}</summary>
        <nav aria-label={t('profileLead.jumpNav')}>
          <ul className="usa-sidenav">{links(() => setOpen(false))}</ul>
        </nav>
      </details>
    </>
  );
}
