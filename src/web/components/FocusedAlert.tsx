import { Alert } from '@trussworks/react-uswds';
import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  heading: string;
  headingLevel?: 'h2' | 'h3' | 'h4' | 'h5';
  children: ReactNode;
}

/**
 * An error alert that takes focus when it appears. Give it a new `key` for each new attempt.
 * Children are block content (paragraphs with usa-alert__text, lists), not wrapped in a <p>.
 */
export function FocusedAlert({ heading, headingLevel = 'h2', children }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} className="harbor-focus-target margin-bottom-3">
      <Alert type="error" headingLevel={headingLevel} heading={heading} role="alert" validation>
        {children}
      </Alert>
    </div>
  );
}
