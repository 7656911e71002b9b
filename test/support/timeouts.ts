/**
 * Time limits for tests that start processes or drive a browser. A CI machine runs the suite while installing
 * and building beside it, and may be several times slower than a developer's; there the limits stretch, so a
 * test fails for what it checks and not for a busy machine.
 */
const STRETCH = process.env.CI ? 3 : 1;

export function slowTestMs(ms: number): number {
  return ms * STRETCH;
}
