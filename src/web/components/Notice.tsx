import { Alert } from '@trussworks/react-uswds';
import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A success message after a save. It takes focus (the form that had focus is gone) and is a
 * status region, so screen readers announce it. Give it a new `key` for each save.
 */
export function Notice({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} role="status" className="harbor-focus-target margin-y-2">
      <Alert type="success" headingLevel="h3" slim>
        {children}
      </Alert>
    </div>
  );
}
