import { toCountWords } from '../core/count-words.js';
import { createHash } from 'node:crypto';
import { systemClock } from '../core/clock.js';
import { TearlineError } from '../core/errors.js';
import type { StixObject } from '../core/stix/stix-object.js';
import { validateStixObject } from '../core/stix/validate-stix-object.js';
import { formatIssue } from '../core/stix/validation-issue.js';
import {
  createTaxiiClient,
  toResumePoint,
  type TaxiiCredentials,
} from '../ingest/taxii-client/taxii-client.js';
import { readAllowList } from '../ingest/outbound/fetch-policy.js';
import { createGuardedFetch } from '../ingest/outbound/guarded-fetch.js';
import { openStore } from '../store/create-store.js';
import { parseCommandArgs } from './args.js';
import type { CliCommand, CliIo } from './cli-io.js';
import { resolveDatabaseUrl } from './database-url.js';
import { recordCliAudit } from './cli-audit.js';

const help = `Usage: tearline pull <url> --collection ID (--user U --password P | --token T)
                     [--limit N] [--from TIMESTAMP] [--database URL] [--json]

Imports a partner's TAXII 2.1 collection into the knowledge base. Objects are stored exactly as
received (markings included); who sent each version and when it arrived are recorded beside it.
The next pull of the same collection resumes after the last date_added seen (added_after).

Arguments:
  <url>              the server's discovery URL (…/taxii2/) or an API root URL

Options:
  --collection ID    the collection to read
  --user U           HTTP Basic user name, with --password (or TEARLINE_PULL_PASSWORD)
  --password P       HTTP Basic password
  --token T          a bearer token instead (or TEARLINE_PULL_TOKEN)
  --limit N          objects per page (default 500)
  --from TIMESTAMP   start after this date_added instead of the saved resume point
  --database URL     sqlite:<path> or postgres://… (default: TEARLINE_DATABASE_URL)
  --json             print the summary as JSON

Exit codes: 0 pulled, 2 bad input or refused credentials, 1 failure (the resume point keeps
what was imported before it).

Example:
  tearline pull https://partner.example/taxii2/ --collection 91a7b528-80eb-42ed-a74d-c6fbd5a26116 --token "$TOKEN"
`;

function usage(message: string): TearlineError {
  return new TearlineError('TEARLINE_E_CLI_USAGE', `${message} Run "tearline pull --help".`);
}

function credentialsOf(
  values: { user?: string; password?: string; token?: string },
  io: CliIo,
): TaxiiCredentials {
  const token = values.token ?? io.env.TEARLINE_PULL_TOKEN;
  const password = values.password ?? io.env.TEARLINE_PULL_PASSWORD;
  if (values.user !== undefined && values.token !== undefined)
    throw usage('Give either --user/--password or --token, not both.');
  if (values.user !== undefined) {
    if (password === undefined) throw usage('--user needs --password (or TEARLINE_PULL_PASSWORD).');
    return { kind: 'basic', user: values.user, password };
  }
  if (token !== undefined) return { kind: 'bearer', token };
  throw usage('Give --user and --password, or --token.');
}

/** What a pull did. */
export interface PullSummary {
  source: string;
  collection: string;
  pages: number;
  received: number;
  inserted: number;
  unchanged: number;
  rejected: number;
  resumeAfter?: string;
}

export const command: CliCommand = {
  help,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('pull', argv, {
      collection: { type: 'string' },
      user: { type: 'string' },
      password: { type: 'string' },
      token: { type: 'string' },
      limit: { type: 'string' },
      from: { type: 'string' },
      database: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw usage('Give the TAXII server URL.');
    if (!values.collection) throw usage('Give --collection ID.');
    const limit = values.limit === undefined ? 500 : Number(values.limit);
    if (!Number.isSafeInteger(limit) || limit < 1)
      throw usage('--limit must be a positive whole number.');
    if (
      values.from !== undefined &&
      !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(values.from)
    )
      throw usage('--from must be a UTC timestamp such as 2024-03-22T18:00:00Z.');
    // A partner's server is a URL the user gave: the outbound policy holds (ADR 0024); a partner
    // inside the deployment's own network is named in TEARLINE_FETCH_ALLOW.
    const client = createTaxiiClient(
      credentialsOf(values, io),
      createGuardedFetch({
        allow: readAllowList(io.env, 'TEARLINE_FETCH_ALLOW'),
        timeoutMs: 120_000,
        maxBytes: 256 * 1024 * 1024,
      }),
    );
    const source = await client.resolve(positionals[0]!);
    const collection = values.collection;
    const store = await openStore(resolveDatabaseUrl(io, values.database));
    try {
      const sourceId = createHash('sha256')
        .update(`${source.apiRootUrl}\n${collection}`)
        .digest('hex')
        .slice(0, 32);
      const saved = await store.taxiiPulls.getSource(sourceId);
      const summary: PullSummary = {
        source: source.apiRootUrl,
        collection,
        pages: 0,
        received: 0,
        inserted: 0,
        unchanged: 0,
        rejected: 0,
      };
      const addedAfter = values.from ?? saved?.lastAdded;
      await store.taxiiPulls.saveSource({
        id: sourceId,
        url: source.apiRootUrl,
        collectionId: collection,
        ...(saved?.lastAdded ? { lastAdded: saved.lastAdded } : {}),
        ...(saved?.lastPulled ? { lastPulled: saved.lastPulled } : {}),
      });
      let resume = addedAfter;
      let next: string | undefined;
      const sender = `${source.apiRootTitle} <${source.apiRootUrl}>`;
      for (;;) {
        const page = await client.getObjectsPage(source, collection, {
          ...(addedAfter ? { addedAfter } : {}),
          ...(next ? { next } : {}),
          limit,
        });
        summary.pages++;
        summary.received += page.objects.length;
        const valid: StixObject[] = [];
        for (const [i, object] of page.objects.entries()) {
          const issues = validateStixObject(object, `objects[${i}]`);
          if (issues.length === 0) valid.push(object);
          else {
            summary.rejected++;
            if (summary.rejected <= 10)
              io.stderr.write(`tearline pull: skipped ${formatIssue(issues[0]!)}\n`);
          }
        }
        const result = await store.objects.putObjects(valid);
        summary.inserted += result.inserted;
        summary.unchanged += result.unchanged;
        const received = systemClock.now().toISOString();
        await store.taxiiPulls.addReceipts(
          valid.map((o) => ({
            sourceId,
            objectId: o.id,
            version: o.modified ?? o.created ?? page.dateAddedLast ?? received,
            dateAdded: page.dateAddedLast ?? '',
            received,
            sender,
          })),
        );
        // Inside a run the rest of the versions added at the page's last date may come on the
        // next page, so the saved point stops just before it; at the end, at it.
        if (page.dateAddedLast)
          resume = page.more ? (toResumePoint(page.dateAddedLast) ?? resume) : page.dateAddedLast;
        await store.taxiiPulls.saveSource({
          id: sourceId,
          url: source.apiRootUrl,
          collectionId: collection,
          ...(resume ? { lastAdded: resume } : {}),
          lastPulled: received,
        });
        if (!page.more) break;
        if (!page.next || page.next === next)
          throw new TearlineError(
            'TEARLINE_E_PULL_FAILED',
            'The server said there is more but gave no new next token; pull again later.',
            { kind: 'failure' },
          );
        next = page.next;
      }
      if (resume) summary.resumeAfter = resume;
      // Who brought a partner's collection in, as `tearline import` records a bundle: the
      // collection is the target (its objects' ids would make one record of thousands).
      await recordCliAudit(store, io, 'object.import', [collection]);
      io.stdout.write(
        values.json
          ? `${JSON.stringify(summary)}\n`
          : `Pulled ${toCountWords(summary.received, 'object')} in ${toCountWords(summary.pages, 'page')} from ${source.apiRootTitle}: ${summary.inserted} new versions, ${summary.unchanged} already stored, ${summary.rejected} rejected. Next pull resumes after ${resume ?? 'the beginning'}.\n`,
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};
