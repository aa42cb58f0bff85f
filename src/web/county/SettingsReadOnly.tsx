import { useTranslation } from 'react-i18next';
import { DetailList, type Detail } from '../components/DetailList';
import { formatList } from '../lib/format';
import { useLanguage } from '../lib/useLanguage';
import { monthName } from './months';
import { DebriefNote, SettingsSection } from './SettingsSection';
import {
  ADVOCACY_NUMBERS,
  CROSS_REPORT_SETTINGS,
  ESCALATION_BOOLEANS,
  ESCALATION_NUMBERS,
  MDT_TIERS,
  MISSING_BOOLEANS,
  MISSING_NUMBERS,
  RESPONSE_SETTINGS,
  SCREENING_SETTINGS,
  valueAt,
  type BooleanSetting,
  type CountySettings,
  type NumberSetting,
} from './types';

/** The settings as a list of values, each with what it means (for people who cannot change them). */
export function SettingsReadOnly({ settings }: { settings: CountySettings }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const meaning = (path: string, value: string) => (
    <>
      <strong>{value}</strong>
      <span className="usa-hint display-block text-normal">{t(`countySettings.fields.${path}.hint`)}</span>
    </>
  );
  const numbers = (list: NumberSetting[]): Detail[] =>
    list.map((s) => ({
      key: s.path,
      label: t(`countySettings.fields.${s.path}.label`),
      value: meaning(s.path, t(`countySettings.units.${s.unit}`, { count: valueAt(settings, s.path) as number })),
    }));
  const booleans = (list: BooleanSetting[]): Detail[] =>
    list.map((s) => ({
      key: s.path,
      label: t(`countySettings.fields.${s.path}.label`),
      value: meaning(s.path, valueAt(settings, s.path) ? t('countySettings.yes') : t('countySettings.no')),
    }));

  return (
    <>
      <SettingsSection name="response">
        <DetailList wideLabels items={numbers(RESPONSE_SETTINGS)} />
      </SettingsSection>
      <SettingsSection name="parties">
        <DetailList
          wideLabels
          items={MDT_TIERS.map((tier) => ({
            key: tier,
            label: t(`countySettings.tiers.${tier}`),
            value: formatList(
              settings.mdtRequiredParties[tier].map((p) => t(`organizationTypes.${p}`)),
              language,
            ),
          }))}
        />
      </SettingsSection>
      <SettingsSection name="crossReport">
        <DetailList wideLabels items={numbers(CROSS_REPORT_SETTINGS)} />
      </SettingsSection>
      <SettingsSection name="screening">
        <DetailList wideLabels items={numbers(SCREENING_SETTINGS)} />
      </SettingsSection>
      <SettingsSection name="missing">
        <DebriefNote hours={settings.missing.debriefHours} />
        <DetailList
          wideLabels
          items={[
            ...numbers(MISSING_NUMBERS.slice(0, 3)),
            ...booleans(MISSING_BOOLEANS.slice(0, 1)),
            ...numbers(MISSING_NUMBERS.slice(3, 4)),
            ...booleans(MISSING_BOOLEANS.slice(1)),
            ...numbers(MISSING_NUMBERS.slice(4)),
          ]}
        />
      </SettingsSection>
      <SettingsSection name="advocacy">
        <DetailList
          wideLabels
          items={[
            {
              key: 'trainings',
              label: t('countySettings.trainings.legend'),
              value: (
                <>
                  <ul className="usa-list margin-top-0">
                    {settings.advocacy.requiredTrainings.map((tr) => (
                      <li key={tr.key}>{t('countySettings.trainings.value', { label: tr.label, key: tr.key })}</li>
                    ))}
                  </ul>
                  <span className="usa-hint display-block text-normal">{t('countySettings.trainings.hint')}</span>
                </>
              ),
            },
            ...numbers(ADVOCACY_NUMBERS.slice(0, 1)),
            {
              key: 'months',
              label: t('countySettings.months.legend'),
              value: (
                <>
                  <strong>
                    {formatList(
                      [...settings.advocacy.reportPeriodStartMonths]
                        .sort((a, b) => a - b)
                        .map((m) => monthName(m, language)),
                      language,
                    )}
                  </strong>
                  <span className="usa-hint display-block text-normal">{t('countySettings.months.hint')}</span>
                </>
              ),
            },
            ...numbers(ADVOCACY_NUMBERS.slice(1)),
          ]}
        />
      </SettingsSection>
      <SettingsSection name="escalation">
        <DetailList
          wideLabels
          items={[
            ...booleans(ESCALATION_BOOLEANS.slice(0, 2)),
            ...numbers(ESCALATION_NUMBERS),
            ...booleans(ESCALATION_BOOLEANS.slice(2)),
          ]}
        />
      </SettingsSection>
    </>
  );
}
