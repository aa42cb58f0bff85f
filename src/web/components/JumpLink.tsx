import type { MouseEvent, ReactNode } from 'react';

/** Focuses a field (or the first control inside a group) and brings it into view. */
export function focusField(id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  const control =
    target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement
      ? target
      : (target.querySelector<HTMLElement>('input:checked, input, select, textarea, button') ?? target);
  target.scrollIntoView({ block: 'center' });
  control.focus({ preventScroll: true });
}

/**
 * A link in an error summary that moves to the field. It handles the click itself: letting the
 * browser follow "#id" would change the address and move focus back to the page heading.
 */
export function JumpLink({ to, children, onJump }: { to: string; children: ReactNode; onJump?: () => void }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    if (onJump) onJump();
    else focusField(to);
  };
  return (
    <a className="usa-link" href={`#${to}`} onClick={onClick}>
      {children}
    </a>
  );
}
