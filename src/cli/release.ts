import { toCountWords } from '../core/count-words.js';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { TearlineError } from '../core/errors.js';
import { DEFAULT_DATABASE_URL } from '../store/database.js';
import {
  approveRelease,
  createRelease,
  getReleaseOrThrow,
  previewRelease,
  revokeRelease,
} from '../sharing/release-service.js';
import { TRANSFORM_KINDS } from '../sharing/transform.js';
import type { Release, ReleaseStatus } from '../core/ports/sharing.js';
import { parseCommandArgs } from './args.js';
import type { CliCommand, CliIo } from './cli-io.js';
import { printResult } from './io-json.js';
import { resolveActor, withSharing } from './partner.js';
import { findRestrictedIn, recordCliAudit, toCliAuditActor } from './cli-audit.js';

const help = `Usage: tearline release <create|preview|approve|revoke|list|show> …

  tearline release create <partner-id> (--object ID … | --objects-file FILE)
        [--transform JSON …] [--agreement ID] [--without-related] [--as USER]
      drafts a release; transforms are JSON, e.g. '{"kind":"coarsen-place","to":"admin1"}';
      the selected incidents' attributed-to and located-at objects the agreement allows are
      added unless --without-related
      kinds: ${TRANSFORM_KINDS.join(', ')}
  tearline release preview <id>      builds exactly the bundle the partner will receive and shows
                                     what each object became (or why it was withheld)
  tearline release approve <id> --as USER
      a second person with the approver role (never the author) approves; delivery follows
  tearline release revoke <id> --reason R [--as USER]
      delivers revoked versions of everything the release delivered
  tearline release list [--partner ID] [--status draft|previewed|delivered|revoked]
  tearline release show <id> [--bundle]
      the release and the bundle it delivers; --bundle prints only the delivered STIX bundle,
      for partners who take releases as files (the ledger already records it)

Options:
  --database URL   store URL (default TEARLINE_DATABASE_URL or ${DEFAULT_DATABASE_URL})
  --json           machine-readable output (preview: the bundle and per-object decisions)

Example:
  tearline release create 'identity--…' --object 'incident--…' \\
    --transform '{"kind":"strip-sources"}' --transform '{"kind":"coarsen-date","to":"month"}' --as ana
`;

function usage(message: string): TearlineError {
  return new TearlineError('TEARLINE_E_CLI_USAGE', `${message} Run "tearline release --help".`);
}

function parseJsonArg(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new TearlineError(
      'TEARLINE_E_SHARING_BAD_TRANSFORM',
      `${what} is not JSON: ${text.slice(0, 80)}`,
    );
  }
}

function withoutInternals(release: Release): Omit<Release, 'idMap'> {
  const { idMap: _idMap, ...rest } = release;
  return rest;
}

const ACTIONS = ['create', 'preview', 'approve', 'revoke', 'list', 'show'];

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('release', argv, {
    object: { type: 'string', multiple: true },
    'objects-file': { type: 'string' },
    transform: { type: 'string', multiple: true },
    agreement: { type: 'string' },
    reason: { type: 'string' },
    ack: { type: 'string', multiple: true },
    partner: { type: 'string' },
    status: { type: 'string' },
    as: { type: 'string' },
    bundle: { type: 'boolean', default: false },
    'without-related': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    database: { type: 'string' },
  });
  const [action, arg, ...extra] = positionals;
  const json = values.json ?? false;
  if (action === undefined || !ACTIONS.includes(action))
    throw usage(`Unknown or missing action "${action ?? ''}".`);
  if (extra.length > 0) throw usage(`Unexpected argument "${extra[0]}".`);
  if (action !== 'list' && arg === undefined) throw usage(`"release ${action}" needs an id.`);
  let objectIds: string[] = values.object ?? [];
  if (values['objects-file'] !== undefined) {
    const text = await readFile(resolve(io.cwd, values['objects-file']), 'utf8');
    objectIds = [...objectIds, ...text.split(/\s+/).filter((s) => s !== '')];
  }
  const transforms = (values.transform ?? []).map((t) => parseJsonArg(t, 'A --transform'));
  return withSharing(io, values.database, async (deps, store) => {
    switch (action) {
      case 'create': {
        if (objectIds.length === 0)
          throw usage('"release create" needs --object or --objects-file.');
        const actor = await resolveActor(store, io, values.as, { commandName: 'release' });
        const release = await createRelease(deps, actor, {
          partnerId: arg,
          objectIds,
          transforms,
          ...(values.agreement !== undefined ? { agreementId: values.agreement } : {}),
          includeRelated: values['without-related'] !== true,
        });
        await recordCliAudit(
          store,
          io,
          'release.create',
          [release.id],
          await toCliAuditActor(store, io, values.as),
        );
        printResult(
          io,
          json,
          withoutInternals(release),
          `Draft release ${release.id} of ${toCountWords(release.objectIds.length, 'object')}${release.related.length > 0 ? ` (${toCountWords(release.related.filter((r) => r.included).length, 'related object')} added with ${release.related.filter((r) => r.included).length === 1 ? 'its' : 'their'} relationships)` : ''}; preview it next.`,
        );
        return 0;
      }
      case 'preview': {
        const preview = await previewRelease(deps, arg as string);
        // A preview shows the source objects: a restricted one is a restricted read.
        await recordCliAudit(
          store,
          io,
          'release.preview',
          [preview.release.id, ...(await findRestrictedIn(store, preview))],
          await toCliAuditActor(store, io, values.as),
        );
        const lines = preview.items.map((i) =>
          i.decision.released
            ? `  released  ${i.source.id} → ${i.decision.releasedId}${i.decision.changes.length > 0 ? `: ${i.decision.changes.join('; ')}` : ''}`
            : `  withheld  ${i.source.id}: ${i.decision.reason}`,
        );
        const count = preview.items.filter((i) => i.decision.released).length;
        const findings = preview.findings.map(
          (f) => `  FINDING   ${f.id} ${f.kind} "${f.text}" in ${f.objectId} ${f.path}`,
        );
        lines.unshift(...findings);
        const head = preview.bundle
          ? `${findings.length > 0 ? `${toCountWords(findings.length, 'finding')} of the residual scan; approving needs --ack <id>=<reason> for each. ` : ''}Release ${preview.release.id}: ${count} of ${toCountWords(preview.items.length, 'object')} released (bundle of ${preview.bundle.objects.length} with our identity and markings). Approve with "tearline release approve ${preview.release.id} --as <approver>".`
          : `Release ${preview.release.id}: the policy withheld everything; nothing to approve.`;
        printResult(
          io,
          json,
          { ...preview, release: withoutInternals(preview.release as Release) },
          [head, ...lines].join('\n'),
        );
        return 0;
      }
      case 'approve': {
        const actor = await resolveActor(store, io, values.as, {
          required: true,
          commandName: 'release',
        });
        // --ack <finding id>=<reason>, once per finding of the residual scan.
        const acknowledgements = (values.ack ?? []).map((a) => {
          const at = a.indexOf('=');
          return at < 0
            ? { findingId: a, reason: '' }
            : { findingId: a.slice(0, at), reason: a.slice(at + 1) };
        });
        const release = await approveRelease(deps, actor, arg as string, { acknowledgements });
        await recordCliAudit(
          store,
          io,
          'release.approve',
          [release.id],
          await toCliAuditActor(store, io, values.as),
        );
        const { bundle: _bundle, ...shown } = withoutInternals(release);
        printResult(
          io,
          json,
          shown,
          `Release ${release.id} approved by ${release.approver} and delivered to collection ${release.collectionId}.`,
        );
        return 0;
      }
      case 'revoke': {
        const actor = await resolveActor(store, io, values.as, { commandName: 'release' });
        const release = await revokeRelease(deps, actor, arg as string, values.reason);
        await recordCliAudit(
          store,
          io,
          'release.revoke',
          [release.id],
          await toCliAuditActor(store, io, values.as),
        );
        const { bundle: _bundle, ...shown } = withoutInternals(release);
        printResult(
          io,
          json,
          shown,
          `Release ${release.id} revoked; the partner receives the revoked versions.`,
        );
        return 0;
      }
      case 'list': {
        if (
          values.status !== undefined &&
          !['draft', 'previewed', 'delivered', 'revoked'].includes(values.status)
        ) {
          throw usage('--status must be draft, previewed, delivered or revoked.');
        }
        const releases = await deps.sharing.releases.listReleases({
          ...(values.partner !== undefined ? { partnerId: values.partner } : {}),
          ...(values.status !== undefined ? { status: values.status as ReleaseStatus } : {}),
        });
        const lines = releases.map(
          (r) =>
            `${r.id}  ${r.status.padEnd(9)} ${r.created} ${toCountWords(r.objectIds.length, 'object')} to ${r.partnerId} by ${r.author}${r.approver ? `, approved by ${r.approver}` : ''}`,
        );
        printResult(
          io,
          json,
          releases.map(withoutInternals),
          releases.length === 0 ? 'No releases.' : lines.join('\n'),
        );
        return 0;
      }
      default: {
        const release = await getReleaseOrThrow(deps, arg as string);
        if (values.bundle === true) {
          if (release.status !== 'delivered' || release.bundle === undefined) {
            throw new TearlineError(
              'TEARLINE_E_SHARING_RELEASE_STATE',
              `Release ${release.id} is ${release.status}; only a delivered release has a bundle to hand over.`,
              { kind: 'conflict' },
            );
          }
          // A bundle handed over as a file is a download: it names the restricted objects in it
          // and the restricted sources they were made from.
          await recordCliAudit(
            store,
            io,
            'release.download',
            [
              release.id,
              ...(await findRestrictedIn(store, {
                bundle: release.bundle,
                sources: release.objectIds,
              })),
            ],
            await toCliAuditActor(store, io, values.as),
          );
          io.stdout.write(`${JSON.stringify(release.bundle)}\n`);
          return 0;
        }
        printResult(
          io,
          json,
          withoutInternals(release),
          `${release.id} ${release.status}: ${release.objectIds.length} selected, ${release.bundle?.objects.length ?? 0} in the bundle; author ${release.author}${release.approver ? `, approver ${release.approver}` : ''}.`,
        );
        return 0;
      }
    }
  });
}

/** `tearline release`. */
export const command: CliCommand = {
  help,
  run,
};
