#!/usr/bin/env node
// Entry point of the `mlc` command. The compiler is TypeScript run directly by
// Node's type stripping, which needs Node >= 22.18 (the project pins Node 24).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `mlc: needs Node.js >= 22.18 (found ${process.versions.node}); run it through npm/npx in the project, which use the pinned Node 24\n`,
  );
  process.exit(2);
}
await import('../compiler/driver/cli.ts');
