import { TearlineError } from '../core/errors.js';
import { systemClock, randomIds } from '../core/clock.js';
import { DEFAULT_DATABASE_URL } from '../store/database.js';
import { openStore } from '../store/create-store.js';
import { createAccountService } from '../server/auth/account-service.js';
import { toAuthConfig } from '../server/auth/auth-config.js';
import type { CliCommand, CliIo } from './cli-io.js';
import { parseCommandArgs } from './args.js';
import { recordCliAudit } from './cli-audit.js';
import { printResult } from './io-json.js';

const help = `Usage: tearline user <add|list|role|disable|enable|password|token> …

  tearline user add <username> --role admin|analyst|approver [--role …] [--name "Display Name"] [--password-stdin]
      adds a user; without --password-stdin a password is generated and printed once
  tearline user list [--json]
  tearline user role <username> --role admin|analyst|approver [--role …]
      replaces the user's roles
  tearline user disable <username>      ends the user's sessions; tokens stop working
  tearline user enable <username>
  tearline user password <username> [--password-stdin]
      resets the password (generated and printed once unless piped) and ends the user's sessions
  tearline user token <username> [--name N] [--days D]
      mints an API token (printed once) for scripts: send it as "Authorization: Bearer <token>"

Options:
  --database URL   store URL (default TEARLINE_DATABASE_URL or ${DEFAULT_DATABASE_URL})
  --json           machine-readable output

Example:
  printf '%s' "$PASSWORD" | tearline user add ana --role analyst --role approver --password-stdin
`;

async function readStdin(io: CliIo): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  // One trailing newline is the shell's, not the password's.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function usage(message: string): TearlineError {
  return new TearlineError('TEARLINE_E_CLI_USAGE', `${message} Run "tearline user --help".`);
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('user', argv, {
    role: { type: 'string', multiple: true },
    name: { type: 'string' },
    'password-stdin': { type: 'boolean', default: false },
    days: { type: 'string' },
    json: { type: 'boolean', default: false },
    database: { type: 'string' },
  });
  const [action, username, ...extra] = positionals;
  if (
    !action ||
    !['add', 'list', 'role', 'disable', 'enable', 'password', 'token'].includes(action)
  ) {
    throw usage(`Unknown or missing action "${action ?? ''}".`);
  }
  if (action !== 'list' && !username) throw usage(`"user ${action}" needs a username.`);
  if (extra.length > 0) throw usage(`Unexpected argument "${extra[0]}".`);
  const json = values.json ?? false;

  const store = await openStore(
    values.database ?? io.env.TEARLINE_DATABASE_URL ?? DEFAULT_DATABASE_URL,
  );
  try {
    const accounts = createAccountService({
      store,
      clock: systemClock,
      ids: randomIds,
      auth: toAuthConfig({ baseUrl: '', bodyLimit: 0, serveWeb: false, secureCookies: false }),
    });
    switch (action) {
      case 'add': {
        if (!values.role || values.role.length === 0) throw usage('"user add" needs --role.');
        const password = values['password-stdin'] ? await readStdin(io) : undefined;
        const { user, generatedPassword } = await accounts.addUser({
          username,
          roles: values.role.flatMap((r) => r.split(',')),
          displayName: values.name,
          ...(password !== undefined ? { password } : {}),
        });
        await recordCliAudit(store, io, 'user.create', [user.id]);
        printResult(
          io,
          json,
          generatedPassword ? { user, generatedPassword } : { user },
          `Added ${user.username} (${user.roles.join(', ')}).` +
            (generatedPassword ? `\nPassword (shown once): ${generatedPassword}` : ''),
        );
        return 0;
      }
      case 'list': {
        const users = await store.users.listUsers();
        const lines = users.map(
          (u) =>
            `${u.username.padEnd(20)} ${u.roles.join(',').padEnd(24)} ${u.disabled ? 'disabled' : 'active  '} ${u.displayName}`,
        );
        printResult(io, json, users, users.length === 0 ? 'No users.' : lines.join('\n'));
        return 0;
      }
      case 'role': {
        if (!values.role || values.role.length === 0) throw usage('"user role" needs --role.');
        const user = await accounts.setRoles(
          username!,
          values.role.flatMap((r) => r.split(',')),
        );
        await recordCliAudit(store, io, 'user.change', [user.id]);
        printResult(io, json, user, `${user.username} now has ${user.roles.join(', ')}.`);
        return 0;
      }
      case 'disable':
      case 'enable': {
        const user = await accounts.setDisabled(username!, action === 'disable');
        await recordCliAudit(store, io, 'user.change', [user.id]);
        printResult(
          io,
          json,
          user,
          `${user.username} is ${user.disabled ? 'disabled' : 'enabled'}.`,
        );
        return 0;
      }
      case 'password': {
        const password = values['password-stdin'] ? await readStdin(io) : undefined;
        const { generatedPassword } = await accounts.resetPassword(username!, password);
        await recordCliAudit(store, io, 'user.change', [
          (await accounts.getUserOrThrow(username!)).id,
        ]);
        printResult(
          io,
          json,
          generatedPassword ? { username, generatedPassword } : { username },
          `Password of ${username} changed; their sessions have ended.` +
            (generatedPassword ? `\nPassword (shown once): ${generatedPassword}` : ''),
        );
        return 0;
      }
      case 'token': {
        const user = await accounts.getUserOrThrow(username!);
        if (user.disabled) {
          throw new TearlineError(
            'TEARLINE_E_ACCOUNT_DISABLED',
            `${user.username} is disabled; enable the user first.`,
            {
              kind: 'input',
            },
          );
        }
        const days = values.days === undefined ? undefined : Number(values.days);
        const { token, info } = await accounts.mintToken(user.id, {
          name: values.name ?? 'cli',
          ...(days !== undefined ? { expiresInDays: days } : {}),
        });
        await recordCliAudit(store, io, 'user.token', [user.id, info.id]);
        printResult(
          io,
          json,
          { token, ...info },
          `API token for ${user.username} (shown once; expires ${info.expires}):\n${token}`,
        );
        return 0;
      }
    }
    return 2;
  } finally {
    await store.close();
  }
}

/** `tearline user`. */
export const command: CliCommand = {
  help,
  run,
};
