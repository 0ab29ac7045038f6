import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_REGISTRY, TearlineError, notFound, type ErrorCode } from '../src/core/errors.js';

// Keeps docs/errors.md, the registry (src/core/errors.ts) and the code in step (the fastify habit).
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const catalogue = () =>
  new Set(
    [...readFileSync('docs/errors.md', 'utf8').matchAll(/^\| `(TEARLINE_E_\w+)`/gm)].map(
      (m) => m[1]!,
    ),
  );
const registered = new Set(Object.keys(ERROR_REGISTRY));

it('docs/errors.md lists exactly the registered codes', () => {
  const listed = catalogue();
  assert.deepEqual(
    [...registered].filter((c) => !listed.has(c)),
    [],
    'add these to docs/errors.md',
  );
  assert.deepEqual(
    [...listed].filter((c) => !registered.has(c)),
    [],
    'register or remove these',
  );
});

it('every code written in src/ is registered, and every registered code is raised somewhere', () => {
  const used = new Set<string>();
  const unknown: string[] = [];
  for (const file of sourceFiles('src').filter((f) => !f.endsWith('core/errors.ts'))) {
    for (const [code] of readFileSync(file, 'utf8').matchAll(/TEARLINE_E_[A-Z0-9_]+[A-Z0-9]/g)) {
      used.add(code);
      if (!registered.has(code)) unknown.push(`${code} (${file})`);
    }
  }
  assert.deepEqual(unknown, [], 'register these in src/core/errors.ts');
  assert.deepEqual(
    [...registered].filter((c) => !used.has(c)),
    [],
    'nothing raises these',
  );
});

it('a call site that names a kind names the registered one', () => {
  const disagree: string[] = [];
  for (const file of sourceFiles('src')) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(
      /new TearlineError\(\s*'(TEARLINE_E_\w+)',[^;]*?\{[^{}]*?kind: '([\w-]+)'/g,
    )) {
      const entry = ERROR_REGISTRY[m[1] as ErrorCode];
      if (entry && entry.kind !== m[2]) disagree.push(`${m[1]} as ${m[2]} (${file})`);
    }
  }
  assert.deepEqual(disagree, []);
});

it('the registry decides kind and status; notFound() makes a 404', () => {
  const e = new TearlineError('TEARLINE_E_TAXII_NOT_ACCEPTABLE', 'Send Accept: …');
  assert.equal(e.kind, 'input');
  assert.equal(e.status, 406);
  const missing = notFound('TEARLINE_E_INGEST_DRAFT_NOT_FOUND', 'No draft d-1.');
  assert.equal(missing.kind, 'not-found');
  assert.equal(missing.status, 404);
});
