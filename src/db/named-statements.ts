import { createHash } from 'node:crypto';
import type { ClientBase, QueryConfig } from 'pg';

// The store sends the same few hundred statement texts again and again with different values. Sent unnamed,
// PostgreSQL parses and plans each one on every execution, and planning the availability subqueries cost the
// server more than running them (3 ms of planning for 1 ms of execution for a cart's lines). Sent under a name,
// a connection parses a text once and plans it at most a few times: docs/decisions/0014-named-statements.md.

/** Statements one connection keeps at most; the rest of what it is sent goes unnamed, as before. */
export const STATEMENTS_PER_CONNECTION = 300;
// Longer texts are bulk writes (imports, seeds) that are rarely sent twice in the same shape.
const MAX_TEXT_LENGTH = 8_000;

const nameOfText = new Map<string, string>();
const namedOn = new WeakMap<ClientBase, Set<string>>();

function nameFor(text: string): string {
  let name = nameOfText.get(text);
  if (!name) {
    name = `m${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
    // Forgetting a name only costs hashing the text again; the map must not grow with every text ever seen.
    if (nameOfText.size >= STATEMENTS_PER_CONNECTION * 4) nameOfText.clear();
    nameOfText.set(text, name);
  }
  return name;
}

/** The name to send `config` under on `client`, or undefined to send it unnamed. */
function statementName(client: ClientBase, config: QueryConfig, values: unknown): string | undefined {
  // Without values a text goes by the simple protocol, which is what lets migrations send several statements.
  const hasValues = (Array.isArray(values) && values.length > 0) || (config.values?.length ?? 0) > 0;
  if (config.name || !hasValues || config.text.length > MAX_TEXT_LENGTH) return undefined;
  const name = nameFor(config.text);
  let named = namedOn.get(client);
  if (!named) {
    named = new Set();
    namedOn.set(client, named);
  }
  if (named.has(name)) return name;
  if (named.size >= STATEMENTS_PER_CONNECTION) return undefined;
  named.add(name);
  return name;
}

/** Makes `client` send each parameterised statement under a name of its text, so that it is parsed once. */
export function nameStatementsOf(client: ClientBase): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const named = (config: unknown, values?: unknown, callback?: unknown) => {
    if (config && typeof config === 'object' && typeof (config as QueryConfig).text === 'string') {
      const name = statementName(client, config as QueryConfig, values);
      if (name) return query({ ...(config as QueryConfig), name }, values, callback);
    }
    return query(config, values, callback);
  };
  client.query = named as ClientBase['query'];
}
