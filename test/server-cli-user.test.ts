import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runTearline } from './support/cli.js';
import { openStore } from '../src/store/create-store.js';
import { verifyPassword } from '../src/server/auth/password-hash.js';
import { hashSecret } from '../src/server/auth/secret-hash.js';
import { ENGINES, createTestDatabase, skipReasonFor } from './support/engines.js';

const runCli = (args: string[], stdin = '') => runTearline(args, { stdin });

for (const engine of ENGINES) {
  describe(`tearline user on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('adds users with a generated or piped password, lists, disables and mints tokens', async () => {
      const t = await createTestDatabase(engine);
      const db = ['--database', t.url];
      try {
        const generated = await runCli([
          'user',
          'add',
          'Ana',
          '--role',
          'analyst',
          '--role',
          'approver',
          ...db,
        ]);
        assert.equal(generated.code, 0, generated.err);
        const password = /Password \(shown once\): (\S+)/.exec(generated.out)![1]!;
        const piped = await runCli(
          [
            'user',
            'add',
            'root',
            '--role',
            'admin',
            '--password-stdin',
            '--name',
            'Root User',
            ...db,
          ],
          'a long enough passphrase\n',
        );
        assert.equal(piped.code, 0, piped.err);
        assert.doesNotMatch(piped.out, /Password/);

        const listed = await runCli(['user', 'list', '--json', ...db]);
        const users = JSON.parse(listed.out) as Array<{
          username: string;
          roles: string[];
          disabled: boolean;
        }>;
        assert.deepEqual(
          users.map((u) => [u.username, u.roles.join(','), u.disabled]),
          [
            ['ana', 'analyst,approver', false],
            ['root', 'admin', false],
          ],
        );
        assert.doesNotMatch(listed.out, /scrypt/);

        const token = await runCli(['user', 'token', 'ana', '--json', ...db]);
        assert.equal(token.code, 0, token.err);
        const minted = JSON.parse(token.out) as { token: string; expires: string };
        assert.match(minted.token, /^tl_/);

        const reset = await runCli(
          ['user', 'password', 'root', '--password-stdin', ...db],
          'the new root passphrase\n',
        );
        assert.equal(reset.code, 0, reset.err);
        const generatedReset = await runCli(['user', 'password', 'ana', ...db]);
        const newAnaPassword = /Password \(shown once\): (\S+)/.exec(generatedReset.out)![1]!;
        const disabled = await runCli(['user', 'disable', 'ana', ...db]);
        assert.equal(disabled.code, 0);
        const lastAdmin = await runCli(['user', 'disable', 'root', ...db]);
        assert.equal(lastAdmin.code, 1);
        assert.match(lastAdmin.err, /TEARLINE_E_ACCOUNT_LAST_ADMIN/);

        const store = await openStore(t.url);
        try {
          const ana = await store.users.findByUsername('ana');
          assert.equal(ana?.disabled, true);
          assert.equal(
            await verifyPassword(password, ana!.passwordHash),
            false,
            'the old password is gone',
          );
          assert.equal(await verifyPassword(newAnaPassword, ana!.passwordHash), true);
          const root = await store.users.findByUsername('root');
          assert.equal(root?.displayName, 'Root User');
          assert.equal(await verifyPassword('the new root passphrase', root!.passwordHash), true);
          const stored = await store.tokens.findByHash(hashSecret(minted.token));
          assert.equal(stored?.userId, ana!.id, 'the token is stored by its hash');
        } finally {
          await store.close();
        }
      } finally {
        await t.dispose();
      }
    });

    it('refuses bad input with exit 2 and writes nothing', async () => {
      const t = await createTestDatabase(engine);
      const db = ['--database', t.url];
      try {
        const cases: Array<[string[], RegExp, string?]> = [
          [['user', 'add', 'ana', ...db], /needs --role/],
          [['user', 'add', 'ana', '--role', 'boss', ...db], /TEARLINE_E_ACCOUNT_BAD_ROLE/],
          [['user', 'add', 'a b', '--role', 'analyst', ...db], /TEARLINE_E_ACCOUNT_BAD_USERNAME/],
          [
            ['user', 'add', 'ana', '--role', 'analyst', '--password-stdin', ...db],
            /TEARLINE_E_ACCOUNT_WEAK_PASSWORD/,
            'short\n',
          ],
          [['user', 'frobnicate', ...db], /Unknown or missing action/],
          [['user', 'add', ...db], /needs a username/],
          [['user', 'list', '--colour', ...db], /TEARLINE_E_CLI_USAGE/],
        ];
        for (const [args, message, stdin] of cases) {
          const res = await runCli(args, stdin);
          assert.equal(res.code, 2, `${args.join(' ')}: ${res.err}`);
          assert.match(res.err, message);
        }
        const missing = await runCli(['user', 'token', 'nobody', ...db]);
        assert.equal(missing.code, 1);
        assert.match(missing.err, /TEARLINE_E_ACCOUNT_NOT_FOUND/);
        const listed = await runCli(['user', 'list', '--json', ...db]);
        assert.deepEqual(JSON.parse(listed.out), []);
      } finally {
        await t.dispose();
      }
    });
  });
}
