import { FormGroup, Label } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';

interface Props {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  optional?: boolean;
  optionalText?: string;
  /** Renders the control; `describedBy` links it to the hint and the error message. */
  children: (describedBy: string | undefined) => ReactNode;
}

/** A labelled form field with its hint and its error message, as USWDS lays them out. */
export function Field({ id, label, hint, error, optional, optionalText, children }: Props) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <FormGroup error={!!error}>
      <Label htmlFor={id} error={!!error}>
        {label}
        {optional && optionalText && <span className="harbor-optional"> {optionalText}</span>}
      </Label>
      {hint && (
        <span className="usa-hint display-block" id={hintId ?? undefined}>
          {hint}
        </span>
      )}
      {/* Not role="alert": the error summary above the form is what gets announced. */}
      {error && (
        <span className="usa-error-message" id={errorId ?? undefined}>
          {error}
        </span>
      )}
      {children(describedBy)}
    </FormGroup>
  );
}
