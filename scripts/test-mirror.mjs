// The checkout compiled for a test run (ADR 0035): a mirror of the repository in a temporary
// folder in which every TypeScript file has a JavaScript twin beside it, compiled by esbuild, and
// every other file and folder is a link to the original. Imports already name `.js`, so the
// mirror runs on plain node with no TypeScript loader: tsx costs about a second of CPU per
// process to import the app (its hooks run off-thread for every module) and as much again in
// each extraction thread, and a run starts some forty processes.
//
// Paths keep their depth: <tmp>/<name>/test/x.test.js sits where test/x.test.ts does, so a file's
// way to ../../demo or ../package.json leads to the same place; ../shared beside the checkout is
// linked beside the mirror. The .ts files stay (as links) for the tests that read sources.
import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';

/** Folders linked whole: nothing in them is compiled, or they are large and read only. */
const LINKED_WHOLE = new Set(['node_modules', '.git', 'dist', 'web/dist', 'data', 'tmp']);
/** Folders whose TypeScript the tests import (bench and scripts are imported by some tests). */
const COMPILED_ROOTS = ['src', 'test', 'training', 'web', 'bench', 'scripts', 'bin'];

/**
 * Makes the mirror of `root` and returns its path; it is removed when the process exits.
 *
 * @example const mirror = await makeTestMirror(process.cwd())  // then run mirror/test/**.test.js
 */
export async function makeTestMirror(root) {
  const base = mkdtempSync(join(tmpdir(), 'tearline-test-js-'));
  process.on('exit', () => rmSync(base, { recursive: true, force: true }));
  const mirror = join(base, basename(root));
  const shared = join(root, '..', 'shared');
  if (existsSync(shared)) symlinkSync(shared, join(base, 'shared'));
  // A browser test builds the web app into web/dist when it is missing: through the link, so
  // that the build outlives the run as it does without the mirror.
  mkdirSync(join(root, 'web', 'dist'), { recursive: true });
  const sources = [];
  mirrorFolder(root, mirror, '', sources);
  await build({
    entryPoints: sources.map((s) => join(root, s)),
    outdir: mirror,
    outbase: root,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    bundle: false,
    jsx: 'automatic',
    sourcemap: 'inline',
    sourcesContent: false,
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  return mirror;
}

function mirrorFolder(root, to, rel, sources) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
    const childRel = rel ? `${rel}/${entry.name}` : entry.name;
    const from = join(root, childRel);
    const target = join(to, entry.name);
    const top = childRel.split('/')[0];
    if (entry.isDirectory() && !LINKED_WHOLE.has(childRel) && COMPILED_ROOTS.includes(top)) {
      mirrorFolder(root, target, childRel, sources);
      continue;
    }
    symlinkSync(from, target);
    if (
      entry.isFile() &&
      /\.tsx?$/.test(entry.name) &&
      !entry.name.endsWith('.d.ts') &&
      COMPILED_ROOTS.includes(top)
    ) {
      sources.push(relative(root, from));
    }
  }
}
