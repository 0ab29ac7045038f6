import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, dirname, resolve, relative } from 'node:path';

// Dependencies point inward (docs/architecture.md). Lint says the same; this test walks every
// relative import so the rule holds even where a lint rule is switched off.
const allowed: Record<string, string[]> = {
  core: ['core'],
  store: ['core', 'store'],
  ingest: ['core', 'ingest'],
  analysis: ['core', 'analysis'],
  sharing: ['core', 'sharing'],
  server: ['core', 'store', 'ingest', 'analysis', 'sharing', 'server'],
  cli: ['core', 'store', 'ingest', 'analysis', 'sharing', 'server', 'cli'],
};

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function layerOf(path: string): string | undefined {
  const rel = relative(resolve('src'), path);
  return rel.startsWith('..') ? undefined : rel.split(/[\\/]/)[0];
}

it('src layers import only the layers inside them', () => {
  const violations: string[] = [];
  for (const file of files('src').filter((f) => !/\.test\.tsx?$/.test(f))) {
    const from = layerOf(resolve(file));
    if (!from || !allowed[from]) continue;
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(
      /(?:from|import\()\s*['"](\.[^'"]+)['"]/g,
    )) {
      const to = layerOf(resolve(dirname(file), spec!));
      if (to && !allowed[from]!.includes(to))
        violations.push(`${file} imports ${spec} (${from} → ${to})`);
    }
  }
  assert.deepEqual(violations, []);
});

it('web imports nothing of src but core types', () => {
  const violations: string[] = [];
  for (const file of files('web/src')) {
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(
      /(?:from|import\()\s*['"](\.[^'"]+)['"]/g,
    )) {
      const to = layerOf(resolve(dirname(file), spec!));
      if (to && to !== 'core') violations.push(`${file} imports ${spec}`);
    }
  }
  assert.deepEqual(violations, []);
});
