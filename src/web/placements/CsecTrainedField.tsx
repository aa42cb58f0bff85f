import { Radio } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';

export type Trained = '' | 'yes' | 'no';

export function csecTrainedValue(v: Trained): boolean | null {
  return v === '' ? null : v === 'yes';
}

export function trainedOf(v: boolean | null): Trained {
  return v === null ? '' : v ? 'yes' : 'no';
}

/** Is the placement trained for CSEC youth: yes, no, or not known. */
export function CsecTrainedField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: Trained;
  onChange: (v: Trained) => void;
}) {
  const { t } = useTranslation();
  const options: { value: Trained; key: string }[] = [
    { value: 'yes', key: 'yes' },
    { value: 'no', key: 'no' },
    { value: '', key: 'unknown' },
  ];
  return (
    <fieldset className="usa-fieldset harbor-form-fieldset" id={id}>
      <legend className="usa-legend">{t('placementForm.trained')}</legend>
      <div className="harbor-inline-radios">
        {options.map((o) => (
          <Radio
            key={o.key}
            id={`${id}-${o.key}`}
            name={id}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
            label={t(`placementForm.trainedOptions.${o.key}`)}
          />
        ))}
      </div>
    </fieldset>
  );
}
