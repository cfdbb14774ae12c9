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
// V8's code cache (in the system's temporary folder, checked against each
// file's contents by Node): loading the compiler and binaryen.js from it is
// several times faster than compiling them again in every process.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
await import('../compiler/driver/cli.ts');
