#!/usr/bin/env node
// The `medstore` command. The sources are TypeScript run directly by Node 24's type stripping.
import { fileURLToPath } from 'node:url';

const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  console.error(
    `medstore needs Node.js 24 or newer; this is ${process.version}. ` +
      'Run it through npm ("npx medstore", "npm start"), which uses the Node 24 installed with the project.',
  );
  process.exit(1);
}

// Settings Node reads only as it starts, given by running this same process again with them (execve keeps the
// pid, the standard streams and the environment; it costs about 50 ms). Measured in ADR 0005:
// - a young generation of 2 x 8 MB at most: Node grows it to 128 MB under load, which a store does not need,
//   and at 2 x 16 MB the process held 155 MB after the page runs on PostgreSQL against 143 MB (ADR 0005);
// - no pretenuring: under load V8 took to allocating objects of each request straight into the old generation,
//   which then held 80 MB of them between collections;
// - no optimizing tier for WebAssembly: optimizing PGlite's code briefly took 500 MB more than the whole store
//   holds, for 10-25% less CPU on pages that run queries on PGlite (none on PostgreSQL);
// - the compile cache from the first module on (src/lib/module-loading.ts turns it on later otherwise), so
//   that no TypeScript is stripped at start and Node's stripper (17 MB) is never loaded.
const V8_FLAGS = [
  '--max-semi-space-size=8',
  '--no-allocation-site-pretenuring',
  '--no-wasm-tier-up',
  '--no-wasm-dynamic-tiering',
];
const COMPILE_CACHE = fileURLToPath(new URL('../node_modules/.cache/medstore/compile', import.meta.url));
const args = process.argv.slice(2);
const isHelp = args.length === 0 || args[0] === 'help' || args.includes('--help') || args.includes('-h');
const isSet = V8_FLAGS.every((flag) => process.execArgv.includes(flag));
// A process with an IPC channel (a test runner's or a watcher's child) keeps it only as it is.
if (!isHelp && !isSet && typeof process.execve === 'function' && !process.env.NODE_CHANNEL_FD) {
  const env = { NODE_COMPILE_CACHE: COMPILE_CACHE, ...process.env };
  try {
    process.execve(
      process.execPath,
      [process.execPath, ...V8_FLAGS, ...process.execArgv, ...process.argv.slice(1)],
      env,
    );
  } catch {
    // Unsupported here: the command runs with Node's defaults.
  }
}
await import('../src/cli.ts');
