import { pruneAuditTrail } from '../core/audit-retention.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { TearlineError } from '../core/errors.js';
import { DEFAULT_DATABASE_URL } from '../store/database.js';
import { openStore } from '../store/create-store.js';
import { createApp, WEB_DIST } from '../server/create-app.js';
import { loadDemo } from './demo/load-demo.js';
import { addAccessLog, toLogSettings } from './serve-access-log.js';
import { createDeps } from '../server/create-deps.js';
import { createAccountService } from '../server/auth/account-service.js';
import { toAuthConfig } from '../server/auth/auth-config.js';
import type { CliCommand, CliIo } from './cli-io.js';
import { parseCommandArgs } from './args.js';
import { completeInterruptedDeliveries } from '../sharing/release-service.js';
import { toSharingDeps } from '../server/rest/sharing/sharing-route-deps.js';

const help = `Usage: tearline serve [--port N] [--host H] [--database URL] [--no-demo] [--log-level L]

Runs Tearline: opens (and migrates) the store, creates the first admin if there is no user
(its password is printed once), serves the API, TAXII 2.1 and the web application, and prints
the URL. Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.

Options:
  --port N        port to listen on (default TEARLINE_PORT or 8080; 0 picks a free port)
  --host H        address to listen on (default TEARLINE_HOST or 127.0.0.1)
  --database URL  store URL (default TEARLINE_DATABASE_URL or ${DEFAULT_DATABASE_URL})
  --no-demo       do not load the demo data into an empty store
  --log-level L   info prints one line per request, debug and trace the server's JSON log too
                  (default TEARLINE_LOG_LEVEL, else a one-line traffic summary a minute)

Environment: TEARLINE_BASE_URL, TEARLINE_BODY_LIMIT, TEARLINE_RATE_LIMIT, TEARLINE_SECURE_COOKIES,
TEARLINE_SERVE_WEB, TEARLINE_SESSION_HOURS, TEARLINE_SESSION_IDLE_MINUTES, TEARLINE_LOG_LEVEL.

Example:
  tearline serve --port 8080 --database postgres://localhost/tearline
`;

function parsePort(raw: string | undefined): number {
  const port = Number(raw ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TearlineError(
      'TEARLINE_E_CLI_USAGE',
      `--port must be a number from 0 to 65535 (got "${raw}").`,
    );
  }
  return port;
}

/** Resolves when the process is asked to stop (SIGINT or SIGTERM). */
function waitForStopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    'serve',
    argv,
    {
      port: { type: 'string' },
      host: { type: 'string' },
      database: { type: 'string' },
      'no-demo': { type: 'boolean', default: false },
      'log-level': { type: 'string' },
    },
    false,
  );
  const port = parsePort(values.port ?? io.env.TEARLINE_PORT);
  const host = values.host ?? io.env.TEARLINE_HOST ?? '127.0.0.1';
  const url = values.database ?? io.env.TEARLINE_DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const store = await openStore(url);
  try {
    const deps = createDeps(store, { env: io.env, host, port });
    let logs: ReturnType<typeof toLogSettings>;
    try {
      logs = toLogSettings(values['log-level'] ?? io.env.TEARLINE_LOG_LEVEL);
    } catch (error) {
      throw new TearlineError('TEARLINE_E_CLI_USAGE', (error as Error).message);
    }
    // Fastify's JSON line per request would scroll the credentials printed below out of sight.
    deps.config.log = { level: logs.level, stream: io.stderr };
    const credentials: string[] = [];

    if ((await store.users.countUsers()) === 0) {
      const accounts = createAccountService({ ...deps, auth: toAuthConfig(deps.config) });
      const { user, generatedPassword } = await accounts.addUser({
        username: 'admin',
        roles: ['admin', 'analyst', 'approver'],
        displayName: 'Administrator',
      });
      credentials.push(
        `Created the first admin: username "${user.username}", password ${generatedPassword}\n` +
          '  (shown once; sign in and keep it somewhere safe, or add your own admin with "tearline user add").\n',
      );
    }

    // Approvals a crash interrupted between the ledger and the partner's collection are finished first.
    await completeInterruptedDeliveries(toSharingDeps(deps));

    if (!values['no-demo']) {
      // The demo goes only into an empty knowledge base; a store with reports is left alone.
      const demo = await loadDemo(deps, {
        log: (line) => {
          if (io.stderr.isTTY) io.stderr.write(`\r${line.padEnd(78).slice(0, 78)}`);
        },
      });
      if (io.stderr.isTTY) io.stderr.write('\r'.padEnd(80) + '\r');
      if (demo) {
        credentials.push(
          `Loaded the demo: ${demo.reports} reports, ${demo.incidents} incidents, ${demo.assessments} assessments, ${demo.alerts} alerts, ${demo.releases} releases.\n`,
        );
        for (const c of demo.credentials) {
          credentials.push(
            `  demo user "${c.username}" (${c.roles.join(', ')}), password ${c.password}\n`,
          );
        }
      }
    }

    const retentionDays = deps.config.audit?.retentionDays;
    let pruneTimer: ReturnType<typeof setInterval> | undefined;
    if (retentionDays !== undefined) {
      const prune = () =>
        pruneAuditTrail(store.audit, deps.clock, retentionDays, 'server').catch((error: unknown) =>
          io.stderr.write(`Audit retention failed: ${String(error)}\n`),
        );
      await prune();
      pruneTimer = setInterval(() => void prune(), 6 * 3_600_000);
      pruneTimer.unref();
    }

    const app = await createApp(deps);
    const stopAccessLog = addAccessLog(app, logs.access, (line) => io.stderr.write(line));
    await app.listen({ port, host });
    const address = app.server.address() as AddressInfo;
    const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
    const listening = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${address.port}`;
    if (!io.env.TEARLINE_BASE_URL) deps.config.baseUrl = listening;
    // The credentials come last, in the same write as the URL, and stay on screen: nothing else
    // is printed per request unless --log-level asks for it.
    io.stdout.write(
      `Tearline is running at ${listening}/ (store: ${store.database.engine}). Press Ctrl-C to stop.\n` +
        (credentials.length > 0
          ? `\n${credentials.join('')}  Forgot one? Reset it with "tearline user password <username>".\n\n`
          : ''),
    );

    if (deps.config.serveWeb && !existsSync(join(WEB_DIST, 'index.html'))) {
      io.stdout.write(
        'The web application is not built (run "npm run build:web"); the API is up.\n',
      );
    }
    const signal = await waitForStopSignal();
    io.stdout.write(`Stopping (${signal})…\n`);
    stopAccessLog();
    if (pruneTimer) clearInterval(pruneTimer);
    await app.close();
    return 0;
  } finally {
    await store.close();
  }
}

/** `tearline serve`. */
export const command: CliCommand = {
  help,
  run,
};
