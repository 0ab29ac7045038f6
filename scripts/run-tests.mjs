// Runs one test suite with node's own test runner, on the checkout compiled to JavaScript (ADR
// 0035). The unit suite's files run grouped by area, a process per group of at most GROUP_SIZE
// files, small areas packed together (ADR 0023, ADR 0029): each process pays once for the heavy
// modules (Fastify, the gazetteer, compromise, an extraction thread) instead of once per file. A file whose first lines say `// test-isolation: process`
// keeps a process of its own; TEARLINE_TEST_ISOLATION=file gives every file its own, as before.
//   unit        src/**/*.test.ts(x), training/**/*.test.ts and test/**/*.test.ts outside test/conformance and test/reliability
//   conformance test/conformance/**: needs ../shared (schemas, TAXII cases, dev sets); fails without it
//   reliability test/reliability/**: crash, load, fuzz and access-matrix suites
import {
  readdirSync,
  readFileSync,
  statSync,
  existsSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { join, relative } from 'node:path';
import { availableParallelism, tmpdir } from 'node:os';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { makeTestMirror } from './test-mirror.mjs';

/** Files per group process: big enough to share the start-up, small enough to keep both cores busy. */
const GROUP_SIZE = 16;
/**
 * Areas whose files each take tens of seconds (a browser and a server each): groups of two, started
 * first, so that no one long group is left running alone at the end of the run.
 */
const HEAVY_AREAS = new Map([['test-e2e', 2]]);
/**
 * What a file costs, in unit-test files (wall in full runs, 2026-12-06): a browser file ~25 s; a
 * file under test/ drives a server, a CLI or both engines, ~2–5 s; a unit file ~1 s; training
 * retrains the classifier. Groups start in order of cost, the longest first: a browser file
 * outweighs a whole group of others, so the browser groups start at once.
 */
const FILE_COST = new Map([
  ['test-e2e', 30],
  ['training', 3],
]);

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
// The suite runs on the checkout compiled to JavaScript (scripts/test-mirror.mjs, ADR 0035);
// TEARLINE_TEST_TS=1 runs the TypeScript itself through tsx instead, as before.
const mirror = process.env.TEARLINE_TEST_TS === '1' ? undefined : await makeTestMirror(root);
/** The file a test process loads for a test file of the checkout. */
const runnable = (file) =>
  mirror ? join(mirror, relative(root, file)).replace(/\.tsx?$/, '.js') : file;
const grouped = suite === 'unit' && process.env.TEARLINE_TEST_ISOLATION !== 'file';
files = grouped ? groupByArea(files) : files.map(runnable);

if (mirror) {
  // Stack traces name the TypeScript lines (the mirror's files carry inline source maps).
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --enable-source-maps`.trim();
} else {
  // tsx compiles TypeScript on the fly in every test process.
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --import tsx`.trim();
}
process.env.TEARLINE_TEST_SUITE = suite;
const stream = run({
  files,
  concurrency:
    Number(process.env.TEARLINE_TEST_CONCURRENCY) ||
    // One process more than the cores: a test waiting on PostgreSQL or a browser leaves its core
    // to another (ADR 0035). The reliability suite's crash scenarios time themselves beside a
    // known number of neighbours, two.
    (suite === 'reliability' ? Math.max(2, availableParallelism()) : availableParallelism() + 1),
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

/** The area of a test file: src/<layer>, training, web, test/<folder> or test/<prefix>-*. */
function areaOf(file) {
  const rel = relative(root, file).split(/[\\/]/);
  if (rel[0] === 'test') {
    return rel.length > 2
      ? `test-${rel[1]}`
      : `test-${rel[1].replace(/\.test\.tsx?$/, '').split('-')[0]}`;
  }
  if (rel[0] === 'web' || rel[0] === 'training') return rel[0];
  return `src-${rel[1]}`;
}

/**
 * Writes one entry module per area (split into parts of at most GROUP_SIZE files) that imports the
 * area's test files, and returns them with the files that asked for a process of their own; the
 * largest groups first, so that the two workers finish together.
 */
function groupByArea(testFiles) {
  // Outside the tree (node_modules may be shared between checkouts): entries import by file URL.
  const dir = mkdtempSync(join(tmpdir(), 'tearline-test-groups-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const alone = [];
  const areas = new Map();
  for (const file of testFiles) {
    const head = readFileSync(file, 'utf8').slice(0, 400);
    if (/\/\/ test-isolation: process/.test(head)) {
      alone.push(runnable(file));
      continue;
    }
    const area = areaOf(file);
    areas.set(area, [...(areas.get(area) ?? []), file]);
  }
  // Areas of a few files share a process with other small areas: a process costs its start-up
  // (the app's modules, often the gazetteer) whatever it runs, and a one-file group scheduled last
  // would run alone at the end of the run.
  const small = [...areas].filter(([a, m]) => !HEAVY_AREAS.has(a) && m.length <= GROUP_SIZE / 2);
  for (const [area] of small) areas.delete(area);
  // First fit, costliest area first: each mixed group holds about what a full group of eight costs.
  const costOf = (members) => weight(['', members]);
  const bins = [];
  for (const [, members] of small.sort((a, b) => costOf(b[1]) - costOf(a[1]))) {
    const fits = bins.find((bin) => costOf(bin) + costOf(members) <= GROUP_SIZE);
    if (fits) fits.push(...members);
    else bins.push([...members]);
  }
  bins.forEach((bin, i) => areas.set(`mixed-${i + 1}`, bin));
  const groups = [...areas].flatMap(([area, members]) => {
    const parts = Math.ceil(members.length / (HEAVY_AREAS.get(area) ?? GROUP_SIZE));
    // Even parts: 9 files make parts of 5 and 4, not of 8 and 1.
    const size = Math.ceil(members.length / parts);
    return Array.from({ length: parts }, (_, i) => [
      parts === 1 ? area : `${area}-${i + 1}`,
      members.slice(i * size, (i + 1) * size),
    ]);
  });
  const entries = groups
    .sort((a, b) => weight(b) - weight(a))
    .map(([name, members]) => {
      // A group of one runs as itself, so that its failures name the file.
      if (members.length === 1) return runnable(members[0]);
      const entry = join(dir, `${name}.test.mjs`);
      // A file that fails to load is reported as a failed test of its own, and the group's other
      // files still run.
      const lines = members.map(
        (m) =>
          `await import(${JSON.stringify(pathToFileURL(runnable(m)).href)}).catch((error) => test(${JSON.stringify(`loads ${relative(root, m)}`)}, () => { throw error; }));\n`,
      );
      writeFileSync(entry, `import { test } from 'node:test';\n${lines.join('')}`);
      return entry;
    });
  return [...alone, ...entries];
}

/** A group's expected share of the run: the cost of its files (FILE_COST). */
function weight([, members]) {
  return members.reduce((sum, file) => sum + costOfFile(file), 0);
}

function costOfFile(file) {
  const area = areaOf(file);
  return FILE_COST.get(area) ?? (area.startsWith('test-') ? 2 : 1);
}
