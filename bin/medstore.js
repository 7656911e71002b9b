#!/usr/bin/env node
// The `medstore` command. The sources are TypeScript run directly by Node 24's type stripping.
const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  console.error(
    `medstore needs Node.js 24 or newer; this is ${process.version}. ` +
      'Run it through npm ("npx medstore", "npm start"), which uses the Node 24 installed with the project.',
  );
  process.exit(1);
}
await import('../src/cli.ts');
