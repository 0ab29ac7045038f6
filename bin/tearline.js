#!/usr/bin/env node
// The `tearline` command: runs the JavaScript that `npm run build` compiles from src/ into dist/
// (ADR 0023). `npm ci` builds it (`prepare`), and so does `npm start`.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('tearline: dist/ is missing; run "npm run build" first.\n');
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
