import { Table } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** The server's sort key for this column: with `sort` on the table, its header sorts the list. */
  sortKey?: string;
}

/** The list's sort (done by the server): which key, which way, and what a header press asks for. */
export interface TableSort {
  key: string;
  dir: 'asc' | 'desc';
  onSort: (key: string) => void;
}

interface Props<Row> {
  /** Read by screen readers as the table's name; the visible heading sits above the table. */
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  /** Stack into label/value blocks on phones (default). Turn off for narrow tables that fit. */
  stacked?: boolean;
  /**
   * Sortable headers: each column with a `sortKey` gets a button, and the sorted column says so
   * (aria-sort). Stacked tables hide their headers on phones: offer a sort choice there too.
   */
  sort?: TableSort;
  className?: string;
}

function SortHeader({ header, sortKey, sort }: { header: string; sortKey: string; sort: TableSort }) {
  const active = sort.key === sortKey;
  return (
    <button type="button" className="usa-button usa-button--unstyled harbor-sort" onClick={() => sort.onSort(sortKey)}>
      {header}
      <span aria-hidden="true" className="harbor-sort__arrow">
        {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
      </span>
    </button>
  );
}

/** A USWDS table that stacks into label/value blocks on phones. */
export function DataTable<Row>({ caption, columns, rows, rowKey, stacked = true, sort, className }: Props<Row>) {
  const ariaSort = (c: Column<Row>) =>
    sort && c.sortKey
      ? sort.key === c.sortKey
        ? sort.dir === 'asc'
          ? 'ascending'
          : 'descending'
        : 'none'
      : undefined;
  return (
    <Table
      fullWidth
      stackedStyle={stacked ? 'default' : 'none'}
      caption={<span className="usa-sr-only">{caption}</span>}
      className={className}
    >
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col" aria-sort={ariaSort(c)}>
              {sort && c.sortKey ? <SortHeader header={c.header} sortKey={c.sortKey} sort={sort} /> : c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((c) => (
              <td key={c.key} data-label={c.header}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
