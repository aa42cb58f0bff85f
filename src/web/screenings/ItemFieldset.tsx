import { Radio } from '@trussworks/react-uswds';
import { pick } from '../lib/localized';
import { useLanguage } from '../lib/useLanguage';
import type { InstrumentItem, Scale } from '../../contract/instruments';

interface Props {
  item: InstrumentItem;
  number: number;
  scale: Scale;
  value: string | undefined;
  onChange: (value: string) => void;
  /** Marked when finishing found it unanswered. */
  invalid: boolean;
  invalidText: string;
}

/** One item: a fieldset whose legend is the item's text, with a radio button per answer. */
export function ItemFieldset({ item, number, scale, value, onChange, invalid, invalidText }: Props) {
  const language = useLanguage();
  const helpId = `item-${item.key}-help`;
  const errorId = `item-${item.key}-error`;
  const describedBy = [item.help ? helpId : null, invalid ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`usa-form-group harbor-item${invalid ? ' usa-form-group--error' : ''}`} id={`item-${item.key}`}>
      <fieldset className="usa-fieldset" aria-describedby={describedBy}>
        <legend className="usa-legend harbor-item__legend">
          <span className="harbor-item__number">{number}.</span> {pick(item.text, language)}
        </legend>
        {item.help && (
          <span className="usa-hint display-block margin-top-1" id={helpId}>
            {pick(item.help, language)}
          </span>
        )}
        {invalid && (
          <span className="usa-error-message" id={errorId}>
            {invalidText}
          </span>
        )}
        <div className="harbor-item__options">
          {scale.options.map((option) => (
            <Radio
              key={option.value}
              id={`item-${item.key}-${option.value}`}
              name={`item-${item.key}`}
              value={option.value}
              tile
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              label={pick(option.label, language)}
            />
          ))}
        </div>
      </fieldset>
    </div>
  );
}
