#!/usr/bin/env node
// The `tearline` command. Tearline runs its TypeScript sources through tsx, so there is no build
// step between a clone and a working CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
