import { type Column, type SQL, sql } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';

// The database is opened with snake_case names, which drizzle applies only while it builds its own queries; a
// column named after its key is converted here the same way.
function columnNameOf(column: Column): string {
  return column.keyAsName ? toSnakeCase(column.name) : column.name;
}

/** A column's bare name (no table before it), as the column list of an INSERT and the left side of a SET take it. */
export function bareColumn(column: Column): SQL {
  return sql`${sql.identifier(columnNameOf(column))}`;
}

/**
 * `excluded.<column>` for the `set` of an INSERT ... ON CONFLICT DO UPDATE: the value the statement proposed for
 * the row that clashed.
 */
export function excluded(column: Column): SQL {
  return sql`excluded.${bareColumn(column)}`;
}

/**
 * `unnest($1::type[], $2::type[], ...) as <alias>(<columns>)`: rows as one array per column, so that a statement
 * writing thousands of rows binds one value per column, keeps the same text whatever the number of rows, and
 * costs neither side the work of a VALUES list with a parameter per cell. Each row gives a value for every key of
 * `columns`; values go through the column's own encoding (JSON for jsonb).
 */
export function unnestRows(
  alias: string,
  columns: Record<string, Column>,
  rows: readonly Record<string, unknown>[],
): SQL {
  const arrays = Object.entries(columns).map(([key, column]) => {
    const values = rows.map((row) => {
      const value = row[key];
      return value === null || value === undefined ? null : column.mapToDriverValue(value);
    });
    // Sent as text[] and cast on the server: PGlite encodes an array parameter only for the array types it knew
    // when it opened, which leaves out the enums of a database migrated since.
    return sql`${sql.param(values)}::text[]::${sql.raw(column.getSQLType())}[]`;
  });
  const names = Object.values(columns).map(bareColumn);
  return sql`unnest(${sql.join(arrays, sql`, `)}) as ${sql.identifier(alias)}(${sql.join(names, sql`, `)})`;
}
