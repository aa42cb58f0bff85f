import type { ReactNode } from 'react';

export interface Detail {
  key: string;
  label: string;
  value: ReactNode;
}

/** Label and value pairs, side by side on wide screens and stacked on phones. */
export function DetailList({ items, wideLabels = false }: { items: Detail[]; wideLabels?: boolean }) {
  return (
    <dl className={`harbor-details${wideLabels ? ' harbor-details--wide-labels' : ''}`}>
      {items.map((item) => (
        <div key={item.key} className="harbor-details__row">
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
