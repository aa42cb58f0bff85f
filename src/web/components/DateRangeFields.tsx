// A "from" and "to" pair of county dates, and the checks every range form makes on it: each a
// real YYYY-MM-DD day, and "to" not before "from". Used by the Board report, the state report and
// the access-log filters, so the three forms say the same things the same way.
import { DateTimeInput } from './DateTimeInput';
import type { FieldProblem } from './ErrorSummary';
import { Field } from './Field';

/** A day as the date input gives it. */
export const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface DateRange {
  from: string;
  to: string;
}

/**
 * The problems of a range, by field id (`${idPrefix}-from`, `${idPrefix}-to`). With `optional`,
 * a blank end is no problem (a filter); otherwise both are required.
 */
export function dateRangeProblems(
  range: DateRange,
  idPrefix: string,
  messages: { from: string; to: string; order: string },
  optional = false,
): FieldProblem[] {
  const list: FieldProblem[] = [];
  const bad = (v: string) => (optional ? v !== '' && !DAY.test(v) : !DAY.test(v));
  if (bad(range.from)) list.push({ field: `${idPrefix}-from`, message: messages.from });
  if (bad(range.to)) list.push({ field: `${idPrefix}-to`, message: messages.to });
  else if (DAY.test(range.from) && DAY.test(range.to) && range.to < range.from)
    list.push({ field: `${idPrefix}-to`, message: messages.order });
  return list;
}

export function DateRangeFields({
  idPrefix,
  range,
  onChange,
  labels,
  errorFor,
  hints,
}: {
  idPrefix: string;
  range: DateRange;
  onChange: (range: DateRange) => void;
  labels: { from: string; to: string };
  errorFor: (field: string) => string | undefined;
  hints?: { from?: string; to?: string };
}) {
  const one = (end: 'from' | 'to') => {
    const id = `${idPrefix}-${end}`;
    return (
      <Field id={id} label={labels[end]} hint={hints?.[end]} error={errorFor(id)}>
        {(d) => (
          <DateTimeInput
            id={id}
            name={end}
            kind="date"
            value={range[end]}
            invalid={!!errorFor(id)}
            aria-describedby={d}
            onChange={(e) => onChange({ ...range, [end]: e.target.value })}
          />
        )}
      </Field>
    );
  };
  return (
    <>
      {one('from')}
      {one('to')}
    </>
  );
}
