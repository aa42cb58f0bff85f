import { useTranslation } from 'react-i18next';
import { FocusedAlert } from './FocusedAlert';
import { JumpLink } from './JumpLink';

export interface FieldProblem {
  /** The id of the field to move to. */
  field: string;
  /** Translated: the field's label and what to fix ("Start: This cannot be in the future."). */
  message: string;
}

/** The list of problems above a form, each a link to its field. Give it a new `key` for each try. */
export function ErrorSummary({
  problems,
  headingLevel = 'h3',
}: {
  problems: FieldProblem[];
  headingLevel?: 'h2' | 'h3' | 'h4' | 'h5';
}) {
  const { t } = useTranslation();
  return (
    <FocusedAlert heading={t('forms.checkHeading', { count: problems.length })} headingLevel={headingLevel}>
      <ul className="usa-list margin-top-1">
        {problems.map((p) => (
          <li key={`${p.field}:${p.message}`}>
            <JumpLink to={p.field}>{p.message}</JumpLink>
          </li>
        ))}
      </ul>
    </FocusedAlert>
  );
}
