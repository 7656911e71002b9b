import { type Column, type SQL, sql } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';

/**
 * `excluded.<column>` for the `set` of an INSERT ... ON CONFLICT DO UPDATE: the value the statement proposed for
 * the row that clashed. The database is opened with snake_case names, which drizzle applies only while it builds
 * a query, so a column named after its key is converted here the same way.
 */
export function excluded(column: Column): SQL {
  return sql`excluded.${sql.identifier(column.keyAsName ? toSnakeCase(column.name) : column.name)}`;
}
