// A drop-down with a "Choose" first option: the one way forms offer a fixed list of choices.
// Marks itself invalid (for assistive technology too) when the field has an error.
import { Select } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';

export interface Choice {
  value: string;
  label: string;
}

interface Props {
  id: string;
  /** The form field name; the id when not given. */
  name?: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly Choice[];
  /** The ids of the hint and error (from Field's render function). */
  describedBy?: string;
  invalid?: boolean;
}

export function ChoiceSelect({ id, name, value, onChange, options, describedBy, invalid }: Props) {
  const { t } = useTranslation();
  return (
    <Select
      id={id}
      name={name ?? id}
      value={value}
      validationStatus={invalid ? 'error' : undefined}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">{t('common.choose')}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </Select>
  );
}
