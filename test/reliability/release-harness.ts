import { writeFileSync } from 'node:fs';
import { runTearlineHere } from './crash-harness.js';

// In the test's own process: only the command under test runs as a child that can be killed.
async function ok(args: string[], what: string): Promise<{ stdout: string }> {
  const run = await runTearlineHere(args);
  if (run.code !== 0) throw new Error(`${what} failed (${run.code}): ${run.stderr}`);
  return run;
}

/**
 * Adds the author `ana` (analyst), the approver `bea`, a partner and an AMBER agreement through the
 * CLI; returns the partner's id.
 *
 * @example const partnerId = await prepareSharing(url)
 */
export async function prepareSharing(url: string): Promise<string> {
  const db = ['--database', url];
  await ok(['user', 'add', 'ana', '--role', 'analyst', ...db], 'user add ana');
  await ok(['user', 'add', 'bea', '--role', 'approver', ...db], 'user add bea');
  const partner = await ok(
    ['partner', 'add', 'Crash Partner', '--tier', 'trusted', '--json', ...db],
    'partner add',
  );
  const partnerId = (JSON.parse(partner.stdout) as { id: string }).id;
  await ok(
    [
      'agreement',
      'add',
      partnerId,
      '--title',
      'Reliability',
      '--tlp',
      'AMBER',
      '--reason',
      'signed',
      '--as',
      'bea',
      ...db,
    ],
    'agreement add',
  );
  return partnerId;
}

/**
 * Drafts and previews a release of the given objects for the partner (author `ana`); returns its
 * id, ready for `release approve <id> --as bea`.
 *
 * @example const releaseId = await prepareRelease(url, partnerId, ids, '/tmp/x/ids.txt')
 */
export async function prepareRelease(
  url: string,
  partnerId: string,
  objectIds: readonly string[],
  idsFile: string,
): Promise<string> {
  const db = ['--database', url];
  writeFileSync(idsFile, `${objectIds.join('\n')}\n`);
  const draft = await ok(
    [
      'release',
      'create',
      partnerId,
      '--objects-file',
      idsFile,
      '--transform',
      '{"kind":"strip-sources"}',
      '--as',
      'ana',
      '--json',
      ...db,
    ],
    'release create',
  );
  const releaseId = (JSON.parse(draft.stdout) as { id: string }).id;
  await ok(['release', 'preview', releaseId, ...db], 'release preview');
  return releaseId;
}
