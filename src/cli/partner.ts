import { createProseRecognisers } from '../ingest/prose-recognisers.js';
import { TearlineError } from '../core/errors.js';
import { randomIds, systemClock } from '../core/clock.js';
import { DEFAULT_DATABASE_URL } from '../store/database.js';
import { openStore, type Store } from '../store/create-store.js';
import type { Actor, SharingDeps } from '../sharing/sharing-deps.js';
import {
  TRUST_TIERS,
  addPartner,
  issuePartnerCredential,
  revokePartnerCredential,
  toListedCredential,
} from '../sharing/partner-service.js';
import { parseCommandArgs } from './args.js';
import type { CliCommand, CliIo } from './cli-io.js';
import { resolveDatabaseUrl } from './database-url.js';
import { recordCliAudit } from './cli-audit.js';
import { printResult } from './io-json.js';
import { completeInterruptedDeliveries } from '../sharing/release-service.js';

/**
 * Opens the store, builds the sharing services' dependencies and runs `work`, closing the store
 * after. Shared by the partner, agreement, release and ledger commands.
 *
 * @example await withSharing(io, values.database, (deps, store) => …)
 */
export async function withSharing<T>(
  io: CliIo,
  databaseFlag: string | undefined,
  work: (deps: SharingDeps, store: Store) => Promise<T>,
): Promise<T> {
  const store = await openStore(resolveDatabaseUrl(io, databaseFlag));
  try {
    const deps: SharingDeps = {
      sharing: store.sharing,
      objects: store.objects,
      collections: store.collections,
      clock: systemClock,
      ids: randomIds,
      recognisers: createProseRecognisers(),
      ...(io.env.TEARLINE_ORGANIZATION_NAME
        ? { organizationName: io.env.TEARLINE_ORGANIZATION_NAME }
        : {}),
    };
    // An approval a crash interrupted is finished before anything else reads the releases.
    await completeInterruptedDeliveries(deps);
    return await work(deps, store);
  } finally {
    await store.close();
  }
}

/**
 * The acting person of a sharing command: the Tearline user named by `--as` (who must exist and be
 * enabled, and whose roles count), or, when `--as` is optional and absent, the operating-system
 * user with every role (they hold the database already).
 *
 * @example const actor = await resolveActor(store, io, values.as, { required: true })
 */
export async function resolveActor(
  store: Store,
  io: CliIo,
  as: string | undefined,
  options: { required?: boolean; commandName: string },
): Promise<Actor> {
  if (as === undefined) {
    if (options.required === true) {
      throw new TearlineError(
        'TEARLINE_E_CLI_USAGE',
        `This step needs an acting user: add --as <username>. Run "tearline ${options.commandName} --help".`,
      );
    }
    return { username: io.env.USER ?? io.env.USERNAME ?? 'cli', roles: ['admin'] };
  }
  const user = await store.users.findByUsername(as.trim().toLowerCase());
  if (user === undefined || user.disabled) {
    throw new TearlineError(
      'TEARLINE_E_SHARING_USER_UNKNOWN',
      `No enabled user is called "${as}"; check the name with "tearline user list".`,
    );
  }
  return { username: user.username, roles: user.roles };
}

const help = `Usage: tearline partner <add|list|credential|revoke-credential> …

  tearline partner add <name> --tier close|trusted|limited|minimal
      registers a partner organisation (a STIX identity) with a trust tier
  tearline partner list                     partners with their credentials (never the secrets)
  tearline partner credential <partner-id> [--label L]
      issues a TAXII credential; the secret is printed once, only its hash is kept
  tearline partner revoke-credential <credential-id>

Options:
  --database URL   store URL (default TEARLINE_DATABASE_URL or ${DEFAULT_DATABASE_URL})
  --json           machine-readable output

Example:
  tearline partner add "Northern Partner Service" --tier minimal
`;

function usage(message: string): TearlineError {
  return new TearlineError('TEARLINE_E_CLI_USAGE', `${message} Run "tearline partner --help".`);
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('partner', argv, {
    tier: { type: 'string' },
    label: { type: 'string' },
    json: { type: 'boolean', default: false },
    database: { type: 'string' },
  });
  const [action, arg, ...extra] = positionals;
  const json = values.json ?? false;
  if (extra.length > 0) throw usage(`Unexpected argument "${extra[0]}".`);
  if (
    action === undefined ||
    !['add', 'list', 'credential', 'revoke-credential'].includes(action)
  ) {
    throw usage(`Unknown or missing action "${action ?? ''}".`);
  }
  if (action !== 'list' && arg === undefined) throw usage(`"partner ${action}" needs an argument.`);
  return withSharing(io, values.database, async (deps, store) => {
    switch (action) {
      case 'add': {
        if (values.tier === undefined)
          throw usage(`"partner add" needs --tier (${TRUST_TIERS.join(', ')}).`);
        const partner = await addPartner(deps, { name: arg, trustTier: values.tier });
        await recordCliAudit(store, io, 'partner.create', [partner.id]);
        printResult(
          io,
          json,
          partner,
          `Added partner ${partner.name} (${partner.trustTier}): ${partner.id}`,
        );
        return 0;
      }
      case 'list': {
        const partners = await deps.sharing.partners.listPartners();
        const rows = [];
        for (const p of partners) {
          const credentials = (await deps.sharing.partners.listCredentials(p.id)).map(
            toListedCredential,
          );
          rows.push({ ...p, credentials });
        }
        const lines = rows.map(
          (p) =>
            `${p.id}  ${p.trustTier.padEnd(8)} ${p.name}  (${p.credentials.filter((c) => c.revoked === undefined).length} live credential(s))`,
        );
        printResult(io, json, rows, rows.length === 0 ? 'No partners.' : lines.join('\n'));
        return 0;
      }
      case 'credential': {
        const { credential, secret } = await issuePartnerCredential(
          deps,
          arg as string,
          values.label,
        );
        await recordCliAudit(store, io, 'partner.change', [credential.partnerId, credential.id]);
        printResult(
          io,
          json,
          { credential, secret },
          `Credential ${credential.id} for ${credential.partnerId}. Secret (shown once; send it as HTTP Basic password or Bearer token):\n${secret}`,
        );
        return 0;
      }
      default: {
        await revokePartnerCredential(deps, arg as string);
        await recordCliAudit(store, io, 'partner.change', [arg as string]);
        printResult(io, json, { revoked: arg }, `Revoked credential ${arg}.`);
        return 0;
      }
    }
  });
}

/** `tearline partner`. */
export const command: CliCommand = {
  help,
  run,
};
