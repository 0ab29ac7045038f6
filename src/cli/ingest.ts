import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { randomIds, systemClock } from '../core/clock.js';
import { TearlineError, isTearlineError } from '../core/errors.js';
import type { SourceRecord } from '../core/ports/ingest.js';
import { parseAdmiraltyGrade, type AdmiraltyGrade } from '../core/vocab/admiralty.js';
import { ingestReport } from '../ingest/draft/ingest-report.js';
import { readDocument } from '../ingest/readers/read-document.js';
import { MAX_DOCUMENT_BYTES, tooLargeError } from '../ingest/readers/read-errors.js';
import type { ReadDocument } from '../ingest/readers/document.js';
import type { IngestDeps } from '../ingest/review/review-deps.js';
import { fetchUrl } from '../ingest/sources/fetch-url.js';
import { readAllowList } from '../ingest/outbound/fetch-policy.js';
import { createGuardedFetch } from '../ingest/outbound/guarded-fetch.js';
import { createSource } from '../ingest/sources/source-service.js';
import { openStore } from '../store/create-store.js';
import { toIngestDeps } from '../server/rest/ingest/ingest-runtime.js';
import { parseCommandArgs } from './args.js';
import type { CliCommand, CliIo } from './cli-io.js';
import { resolveDatabaseUrl } from './database-url.js';
import { recordCliAudit } from './cli-audit.js';

const help = `Usage: tearline ingest <file|folder|url|->... [--source NAME] [--grade B2]
                       [--published YYYY-MM-DD] [--accept] [--database URL] [--json]

Reads reports (plain text, HTML or PDF; a folder's files; a web page; standard input), extracts
each into a draft for review, and prints one line per report. With several reports, a bad one is
reported and the others are still ingested.

Options:
  --source NAME         the reports' source (created with --grade if it does not exist)
  --grade B2            Admiralty grade of these reports: reliability A–F, credibility 1–6
                        (default: the source's grade, else F6)
  --published DATE      publication day, the reference for "on Monday" (default: as stated)
  --accept              accept every item at once (matches merged as corroboration)
  --database URL        sqlite:<path> or postgres://… (default: TEARLINE_DATABASE_URL)
  --json                print one JSON line per report

Exit codes: 0 all ingested, 1 a report of a batch failed, 2 bad input or usage.

Examples:
  tearline ingest article.html --source Reuters --grade B2
  tearline ingest ./reports/ --published 2024-06-10 --json
`;

interface Input {
  name: string;
  load(): Promise<ReadDocument>;
}

async function readStdin(stdin: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += b.length;
    if (size > MAX_DOCUMENT_BYTES) throw tooLargeError(size, MAX_DOCUMENT_BYTES);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

async function readFileInput(path: string): Promise<ReadDocument> {
  const info = await stat(path);
  // Refused by its size before it is read.
  if (info.size > MAX_DOCUMENT_BYTES) throw tooLargeError(info.size, MAX_DOCUMENT_BYTES);
  return readDocument(await readFile(path), { origin: basename(path) });
}

/** The documents named on the command line: files, every file of a folder, URLs, stdin. */
async function toInputs(args: string[], io: CliIo): Promise<Input[]> {
  const inputs: Input[] = [];
  for (const arg of args) {
    if (arg === '-') {
      inputs.push({
        name: 'stdin',
        load: async () => readDocument(await readStdin(io.stdin), { origin: 'stdin' }),
      });
    } else if (/^https?:\/\//i.test(arg)) {
      inputs.push({
        name: arg,
        load: async () => {
          const page = await fetchUrl(arg, {
            fetch: createGuardedFetch({ allow: readAllowList(io.env, 'TEARLINE_FETCH_ALLOW') }),
          });
          return readDocument(page.bytes, {
            origin: arg,
            ...(page.contentType ? { mediaType: page.contentType } : {}),
          });
        },
      });
    } else {
      const path = resolve(io.cwd, arg);
      const info = await stat(path).catch(() => undefined);
      if (!info) {
        inputs.push({
          name: arg,
          load: () => {
            throw new TearlineError(
              'TEARLINE_E_CLI_USAGE',
              `No file or folder named ${arg}; check the path.`,
            );
          },
        });
      } else if (info.isDirectory()) {
        const names = (await readdir(path, { withFileTypes: true }))
          .filter((e) => e.isFile() && !e.name.startsWith('.'))
          .map((e) => e.name)
          .sort();
        for (const name of names)
          inputs.push({ name: join(arg, name), load: () => readFileInput(join(path, name)) });
      } else {
        inputs.push({ name: arg, load: () => readFileInput(path) });
      }
    }
  }
  return inputs;
}

function usage(message: string): TearlineError {
  return new TearlineError('TEARLINE_E_CLI_USAGE', `${message} Run "tearline ingest --help".`);
}

export const command: CliCommand = {
  help,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('ingest', argv, {
      source: { type: 'string' },
      grade: { type: 'string' },
      published: { type: 'string' },
      accept: { type: 'boolean' },
      database: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    });
    if (values.help) {
      io.stdout.write(help);
      return 0;
    }
    if (positionals.length === 0)
      throw usage('Name a file, folder or URL to ingest, or - for standard input.');
    let grade: AdmiraltyGrade | undefined;
    if (values.grade !== undefined) {
      grade = parseAdmiraltyGrade(values.grade);
      if (!grade)
        throw usage(`--grade must be an Admiralty code such as B2, not "${values.grade}".`);
    }
    const published = values.published;
    if (
      published !== undefined &&
      (!/^\d{4}-\d{2}-\d{2}$/.test(published) || Number.isNaN(Date.parse(published)))
    ) {
      throw usage(`--published must be a date written YYYY-MM-DD, not "${published}".`);
    }
    const inputs = await toInputs(positionals, io);
    if (inputs.length === 0) throw usage('The folder has no files to ingest.');
    const store = await openStore(resolveDatabaseUrl(io, values.database));
    try {
      const deps: IngestDeps = toIngestDeps({ store, clock: systemClock, ids: randomIds });
      let source: SourceRecord | undefined;
      if (values.source !== undefined) {
        source =
          (await store.ingest.findSourceByName(values.source.trim())) ??
          (await createSource(deps, { name: values.source, ...(grade ? { grade } : {}) }));
      }
      let failed = 0;
      const drafts: string[] = [];
      for (const input of inputs) {
        try {
          const doc = await input.load();
          const draft = await ingestReport(deps, doc, {
            ...(source ? { source } : {}),
            ...(grade ? { grade } : {}),
            ...(published ? { published } : {}),
            ...(values.accept ? { accept: true } : {}),
          });
          drafts.push(draft.id);
          const items = await store.ingest.listDraftItems(draft.id);
          const incidents = items.filter((i) => i.kind === 'incident').length;
          if (values.json) {
            io.stdout.write(
              `${JSON.stringify({ input: input.name, draftId: draft.id, state: draft.state, language: draft.language, items: items.length, incidents, ...(draft.error ? { note: draft.error } : {}) })}\n`,
            );
          } else {
            const note = draft.error ? ` — ${draft.error}` : '';
            io.stdout.write(
              `${input.name}: draft ${draft.id} (${draft.state}), ${incidents} incident(s), ${items.length} item(s)${note}\n`,
            );
          }
        } catch (error) {
          if (!isTearlineError(error) || inputs.length === 1) throw error;
          failed += 1;
          if (values.json)
            io.stdout.write(
              `${JSON.stringify({ input: input.name, error: error.message, code: error.code })}\n`,
            );
          else io.stderr.write(`${input.name}: ${error.message} [${error.code}]\n`);
        }
      }
      // One record for the run: the drafts made (and the source they were filed under).
      if (drafts.length > 0) {
        await recordCliAudit(store, io, 'report.ingest', [...drafts, source?.id ?? '']);
      }
      return failed > 0 ? 1 : 0;
    } finally {
      await store.close();
    }
  },
};
