// Runs one test suite with node's own test runner, TypeScript loaded through tsx.
//   unit        src/**/*.test.ts(x), training/**/*.test.ts and test/**/*.test.ts outside test/conformance and test/reliability
//   conformance test/conformance/**: needs ../shared (schemas, TAXII cases, dev sets); fails without it
//   reliability test/reliability/**: crash, load, fuzz and access-matrix suites
import { readdirSync, statSync, existsSync } from 'node:fs';
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
  ...walk(join(root, 'test')),
  ...walk(join(root, 'training')),
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

// Every test file runs in its own process; tsx compiles TypeScript on the fly there.
process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --import tsx`.trim();
process.env.TEARLINE_TEST_SUITE = suite;
const stream = run({
  files,
  concurrency: Math.max(2, availableParallelism()),
  timeout: 15 * 60_000,
});
let failed = 0;
stream.on('test:fail', (event) => {
  if (event.nesting === 0) failed++;
});
stream.compose(spec).pipe(process.stdout);
stream.on('end', () => {
  process.exitCode = failed > 0 ? 1 : 0;
});
