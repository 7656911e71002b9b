import { US_STATES_AND_DC } from '#src/lib/us-states.ts';

/**
 * The states a sales-tax rate is kept for: the 50 states and the District of Columbia, by their postal codes. The
 * territories are not listed: they levy no state sales tax a US seller collects.
 */
export const TAX_STATES = US_STATES_AND_DC;

export type TaxState = keyof typeof TAX_STATES;

/** Whether `code` is one of the 50 states or DC, by its upper-case postal code. */
export function isTaxState(code: string): code is TaxState {
  return Object.hasOwn(TAX_STATES, code);
}
