// The CSEC trainings of a directory entry: one row per training (which one, and when it was
// completed), added and removed in place. Part of the provider form (ProviderForm.tsx).
import { Button, Select } from '@trussworks/react-uswds';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTimeInput } from '../components/DateTimeInput';
import { Field } from '../components/Field';
import { KNOWN_TRAININGS } from '../../domain/directory';
import { fieldLabel, trainingLabel } from './fieldLabels';
import { IDS, type TrainingRow } from './providerDraft';

export function TrainingRows({
  rows,
  onChange,
  errorFor,
  today,
}: {
  rows: TrainingRow[];
  onChange: (rows: TrainingRow[]) => void;
  errorFor: (id: string) => string | undefined;
  /** The county's date: a training cannot be completed later. */
  today: string;
}) {
  const { t } = useTranslation();
  const nextRow = useRef(rows.length);
  // The state's list, plus any training an older entry names that the list no longer has.
  const knownTrainings: string[] = [...KNOWN_TRAININGS];
  for (const row of rows) if (row.training && !knownTrainings.includes(row.training)) knownTrainings.push(row.training);
  return (
    <fieldset
      className="usa-fieldset harbor-form-fieldset"
      id={IDS.csecTrainings}
      aria-describedby="provider-trainings-hint"
    >
      <legend className="usa-legend">
        {fieldLabel('csecTrainings', t)} <span className="harbor-optional">{t('forms.optional')}</span>
      </legend>
      <span className="usa-hint display-block" id="provider-trainings-hint">
        {t('providerForm.trainingsHint')}
      </span>
      {rows.map((row, i) => (
        <div key={row.row} className="harbor-training-row">
          <Field
            id={`provider-training-${row.row}`}
            label={t('providerForm.training', { n: i + 1 })}
            error={errorFor(`provider-training-${row.row}`)}
          >
            {(describedBy) => (
              <Select
                id={`provider-training-${row.row}`}
                name="training"
                value={row.training}
                aria-describedby={describedBy}
                onChange={(e) =>
                  onChange(rows.map((r) => (r.row === row.row ? { ...r, training: e.target.value } : r)))
                }
              >
                <option value="">{t('common.choose')}</option>
                {knownTrainings.map((k) => (
                  <option key={k} value={k}>
                    {trainingLabel(k, t)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field
            id={`provider-training-date-${row.row}`}
            label={t('providerForm.trainingDate')}
            error={errorFor(`provider-training-date-${row.row}`)}
          >
            {(describedBy) => (
              <DateTimeInput
                id={`provider-training-date-${row.row}`}
                name="completedOn"
                kind="date"
                max={today}
                value={row.completedOn}
                invalid={!!errorFor(`provider-training-date-${row.row}`)}
                aria-describedby={describedBy}
                onChange={(e) =>
                  onChange(rows.map((r) => (r.row === row.row ? { ...r, completedOn: e.target.value } : r)))
                }
              />
            )}
          </Field>
          <Button
            type="button"
            unstyled
            className="harbor-training-row__remove"
            onClick={() => onChange(rows.filter((r) => r.row !== row.row))}
          >
            {t('providerForm.removeTraining', { n: i + 1 })}
          </Button>
        </div>
      ))}
      <Button
        type="button"
        outline
        className="margin-top-2"
        onClick={() => {
          nextRow.current += 1;
          onChange([...rows, { row: nextRow.current, training: '', completedOn: '' }]);
        }}
      >
        {t('providerForm.addTraining')}
      </Button>
    </fieldset>
  );
}
