import type { z } from 'zod';
import type { JobDefinition } from './definition.ts';

export type CheckedPayload<T> = { isValid: true; value: T } | { isValid: false; reason: string };

/**
 * Parses a job's payload against its kind's schema. The reason for a refusal names the fields and what is
 * wrong with them, never their values: a payload may carry an address or other personal data, and the reason
 * goes to the log and the job's row.
 */
export function checkPayload<Schema extends z.ZodType>(
  definition: Pick<JobDefinition<never, Schema>, 'kind' | 'payload'>,
  value: unknown,
): CheckedPayload<z.output<Schema>> {
  const parsed = definition.payload.safeParse(value);
  if (parsed.success) return { isValid: true, value: parsed.data };
  const problems = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(payload)'}: ${i.code}`);
  return { isValid: false, reason: `payload does not fit the ${definition.kind} job (${problems.join('; ')})` };
}
