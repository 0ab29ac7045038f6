import type { CliCommand } from './cli-io.js';

/**
 * Every `tearline` command, loaded on demand so that `tearline extract` does not pay for the
 * server's start-up. Each command lives in its own file (src/cli/<name>.ts) and exports `command`;
 * its one-line summary is here, so that `tearline --help` loads none of them (< 0.3 s).
 */
export const commands: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
  serve: {
    summary: 'run the server (API, TAXII 2.1, web application)',
    load: async () => (await import('./serve.js')).command,
  },
  user: {
    summary: 'manage users and their API tokens (add, list, disable, enable, password, token)',
    load: async () => (await import('./user.js')).command,
  },
  extract: {
    summary: 'Extract entities, events and attributions from JSON Lines reports',
    load: async () => (await import('./extract.js')).command,
  },
  import: {
    summary: 'Import a STIX 2.1 bundle (all or nothing)',
    load: async () => (await import('./import.js')).command,
  },
  pull: {
    summary: "Import a partner's TAXII 2.1 collection, resuming where the last pull stopped",
    load: async () => (await import('./pull.js')).command,
  },
  export: {
    summary: 'Export the knowledge base (every version) as a STIX 2.1 bundle',
    load: async () => (await import('./export.js')).command,
  },
  db: {
    summary: 'Database maintenance: `db migrate` brings the schema up to date',
    load: async () => (await import('./db.js')).command,
  },
  partner: {
    summary:
      'Partners of graded trust and their TAXII credentials (add, list, credential, revoke-credential)',
    load: async () => (await import('./partner.js')).command,
  },
  agreement: {
    summary: 'Sharing agreements: TLP 2.0 and IEP 2.0 terms, conditions, suspend/resume/end',
    load: async () => (await import('./agreement.js')).command,
  },
  release: {
    summary: 'Tearline releases: create, preview, approve (a second person), revoke, list, show',
    load: async () => (await import('./release.js')).command,
  },
  ledger: {
    summary: 'The disclosure ledger: verify its hash chain, list disclosures',
    load: async () => (await import('./ledger.js')).command,
  },
  audit: {
    summary: 'The audit trail: verify its hash chain, list who saw and did what, prune old records',
    load: async () => (await import('./audit.js')).command,
  },
  brief: {
    summary: 'Write a brief on an actor (HTML or PDF)',
    load: async () => (await import('./brief.js')).command,
  },
  ingest: {
    summary: 'Read reports (text, HTML, PDF, URL) into drafts for review',
    load: async () => (await import('./ingest.js')).command,
  },
};
