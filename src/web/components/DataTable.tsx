import { Table } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
}

interface Props<Row> {
  /** Read by screen readers as the table's name; the visible heading sits above the table. */
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  /** Stack into label/value blocks on phones (default). Turn off for narrow tables that fit. */
  stacked?: boolean;
}

/** A USWDS table that stacks into label/value blocks on phones. */
export function DataTable<Row>({ caption, columns, rows, rowKey, stacked = true }: Props<Row>) {
  return (
    <Table
      fullWidth
      stackedStyle={stacked ? 'default' : 'none'}
      caption={<span className="usa-sr-only">{caption}</span>}
    >
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col">
              {c.header}
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
