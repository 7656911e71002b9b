import { defineConfig } from 'vitest/config';
import { slowTestMs } from './test/support/timeouts.ts';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['./test/support/global-setup.ts'],
    testTimeout: slowTestMs(30_000),
    hookTimeout: slowTestMs(60_000),
    // Each file gets its own database cloned from a template; two cores run two files at a time.
    maxWorkers: 2,
    // Files share a worker's loaded modules instead of importing the whole store again each (that import was
    // a third of the suite's time). Nothing in the suite mocks modules or keeps state between files but through
    // its own store, which each file creates and closes.
    isolate: false,
  },
});
