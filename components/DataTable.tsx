// A plain table of rows in a card: a caption for screen readers, column headers, one row per
// item. The exceptions page and the snapshot list share it.
import type { ReactNode } from 'react';
import { TableBox } from './TableBox';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  className?: string;
}

export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  rowTestId,
}: {
  caption: string;
  columns: readonly (Column<T> | false)[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  rowTestId?: string;
}) {
  const shown = columns.filter((c): c is Column<T> => c !== false);
  return (
    <TableBox caption={caption} tableClassName="rounded-lg bg-white text-sm shadow-sm">
      <thead className="bg-slate-50 text-xs text-slate-600">
        <tr>
          {shown.map((c) => (
            <th key={c.header} scope="col" className="p-2">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={rowKey(r)} className="border-t border-slate-100 align-top" data-testid={rowTestId}>
            {shown.map((c) => (
              <td key={c.header} className={`p-2 ${c.className ?? ''}`}>
                {c.cell(r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </TableBox>
  );
}
