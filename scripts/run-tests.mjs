// Runs one test suite with node's own test runner, TypeScript loaded through tsx. With
// TEARLINE_TEST_ISOLATION=area the unit suite's files run grouped by area, a process per group
// (ADR 0023): each process pays once for the TypeScript loader and the heavy modules (Fastify, the
// gazetteer, compromise) instead of once per file; a file whose first lines say
// `// test-isolation: process` keeps a process of its own. Not the default yet: on the loaded
// machine one group outran the time limit and one feeds test failed grouped (not yet explained).
//   unit        src/**/*.test.ts(x), training/**/*.test.ts and test/**/*.test.ts outside test/conformance and test/reliability
//   conformance test/conformance/**: needs ../shared (schemas, TAXII cases, dev sets); fails without it
//   reliability test/reliability/**: crash, load, fuzz and access-matrix suites
import {
  readdirSync,
  readFileSync,
  statSync,
  existsSync,
  mkdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { join, relative } from 'node:path';
import { availableParallelism } from 'node:os';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';

const suite = process.argv[2] ?? 'unit';
const root = process.cwd();
const only = process.argv.slice(3);

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist') return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const isTest = (f) => /\.test\.tsx?$/.test(f);
const inDir = (f, d) => relative(root, f).startsWith(d + '/');
const all = [
  ...walk(join(root, 'src')),
  ...walk(join(root, 'training')),
  ...walk(join(root, 'test')),
  ...walk(join(root, 'web/src')),
].filter(isTest);
const bySuite = {
  unit: all.filter((f) => !inDir(f, 'test/conformance') && !inDir(f, 'test/reliability')),
  conformance: all.filter((f) => inDir(f, 'test/conformance')),
  reliability: all.filter((f) => inDir(f, 'test/reliability')),
};
let files = bySuite[suite];
if (!files) {
  console.error(`run-tests: unknown suite "${suite}" (unit, conformance, reliability)`);
  process.exit(2);
}
if (only.length) files = files.filter((f) => only.some((o) => f.includes(o)));
if (suite === 'conformance' && !existsSync(join(root, '..', 'shared'))) {
  console.error(
    'test:conformance: ../shared is missing; these suites need it and are never skipped.',
  );
  process.exit(1);
}
if (files.length === 0) {
  console.error(`run-tests: no test files in suite "${suite}"`);
  process.exit(1);
}

// Tests that run the `tearline` command run dist/ (bin/tearline.js): build it first.
execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-stale'], {
  stdio: 'inherit',
});
const grouped = suite === 'unit' && process.env.TEARLINE_TEST_ISOLATION === 'area';
if (grouped) files = groupByArea(files);

// tsx compiles TypeScript on the fly in every test process.
process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --import tsx`.trim();
process.env.TEARLINE_TEST_SUITE = suite;
const stream = run({
  files,
  concurrency: Math.max(2, availableParallelism()),
  // A group runs many files: its limit is an hour, a file's a quarter of one.
  timeout: (grouped ? 60 : 15) * 60_000,
});
let failed = 0;
stream.on('test:fail', (event) => {
  if (event.nesting === 0) failed++;
});
stream.compose(spec).pipe(process.stdout);
stream.on('end', () => {
  process.exitCode = failed > 0 ? 1 : 0;
});

/**
 * Writes one entry module per area (src/<layer>, web/src, test/<prefix>-*, test/<folder>) that
 * imports the area's test files, and returns them with the files that asked for a process of
 * their own; the largest groups first, so that the two workers finish together.
 */
function groupByArea(testFiles) {
  const dir = join(root, 'node_modules', '.cache', 'tearline-test-groups');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const alone = [];
  const groups = new Map();
  for (const file of testFiles) {
    const head = readFileSync(file, 'utf8').slice(0, 400);
    if (/\/\/ test-isolation: process/.test(head)) {
      alone.push(file);
      continue;
    }
    const rel = relative(root, file).split(/[\\/]/);
    const area =
      rel[0] === 'test'
        ? rel.length > 2
          ? `test-${rel[1]}`
          : `test-${rel[1].replace(/\.test\.tsx?$/, '').split('-')[0]}`
        : rel[0] === 'web'
          ? 'web'
          : `src-${rel[1]}`;
    groups.set(area, [...(groups.get(area) ?? []), file]);
  }
  const entries = [...groups]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([area, members]) => {
      const entry = join(dir, `${area}.test.mjs`);
      writeFileSync(
        entry,
        members.map((m) => `await import(${JSON.stringify(pathToFileURL(m).href)});\n`).join(''),
      );
      return entry;
    });
  return [...alone, ...entries];
}
