import type { CliCommand } from './cli-io.js';

/**
 * Every `tearline` command, loaded on demand so that `tearline extract` does not pay for the
 * server's start-up. Each command lives in its own file (src/cli/<name>.ts) and exports `command`.
 */
export const commands: Record<string, () => Promise<CliCommand>> = {
  serve: async () => (await import('./serve.js')).command,
  user: async () => (await import('./user.js')).command,
  extract: async () => (await import('./extract.js')).command,
  import: async () => (await import('./import.js')).command,
  pull: async () => (await import('./pull.js')).command,
  export: async () => (await import('./export.js')).command,
  db: async () => (await import('./db.js')).command,
  partner: async () => (await import('./partner.js')).command,
  agreement: async () => (await import('./agreement.js')).command,
  release: async () => (await import('./release.js')).command,
  ledger: async () => (await import('./ledger.js')).command,
  audit: async () => (await import('./audit.js')).command,
  brief: async () => (await import('./brief.js')).command,
  ingest: async () => (await import('./ingest.js')).command,
};
