import { useCallback, useRef, type InputHTMLAttributes, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { countyDate, countyDateTimeInput } from '../lib/format';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'className'> & {
  id: string;
  kind: 'date' | 'datetime-local';
  invalid?: boolean;
  /** Hide the "Now" / "Today" button (a field that must not be today, such as a date of birth). */
  noNowButton?: boolean;
  /** The caller's ref too (react-hook-form's `register` reads the value through it). */
  ref?: Ref<HTMLInputElement>;
};

/**
 * The browser's own date (or date and time) picker, styled as a USWDS input, with a "Now" (or
 * "Today") button that fills in the county's current time, to the minute (docs/ARCHITECTURE.md,
 * "Time"). The button goes through the input's own change event, so a controlled field, a
 * react-hook-form field and an uncontrolled one all see it as typed.
 */
export function DateTimeInput({ kind, invalid, noNowButton, ref: outerRef, ...props }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLInputElement | null>(null);
  // Both refs: this one for the button, the caller's for its form library.
  const setRef = useCallback(
    (node: HTMLInputElement | null) => {
      ref.current = node;
      if (typeof outerRef === 'function') outerRef(node);
      else if (outerRef) outerRef.current = node;
    },
    [outerRef],
  );
  const fillNow = () => {
    const input = ref.current;
    if (!input) return;
    const value = kind === 'date' ? countyDate() : countyDateTimeInput();
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setter?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    input.focus();
  };
  const input = (
    <input
      {...props}
      ref={setRef}
      type={kind}
      className={`usa-input harbor-date-input${invalid ? ' usa-input--error' : ''}`}
      aria-invalid={invalid || undefined}
    />
  );
  if (noNowButton || props.disabled || props.readOnly) return input;
  return (
    <div className="harbor-date-now">
      {input}
      <button
        type="button"
        className="usa-button usa-button--outline harbor-date-now__button"
        aria-controls={props.id}
        onClick={fillNow}
      >
        {kind === 'date' ? t('dateInput.today') : t('dateInput.now')}
      </button>
    </div>
  );
}
