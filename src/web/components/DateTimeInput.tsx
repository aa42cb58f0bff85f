import type { InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'className'> & {
  id: string;
  kind: 'date' | 'datetime-local';
  invalid?: boolean;
};

/** The browser's own date (or date and time) picker, styled as a USWDS input. */
export function DateTimeInput({ kind, invalid, ...props }: Props) {
  return (
    <input
      {...props}
      type={kind}
      className={`usa-input harbor-date-input${invalid ? ' usa-input--error' : ''}`}
      aria-invalid={invalid || undefined}
    />
  );
}
