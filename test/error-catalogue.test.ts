import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Keeps docs/errors.md in step with the codes the code can raise (the fastify habit).
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

it('every error code raised in src/ is listed in docs/errors.md', () => {
  const catalogue = readFileSync('docs/errors.md', 'utf8');
  const missing = new Set<string>();
  for (const file of sourceFiles('src')) {
    for (const [code] of readFileSync(file, 'utf8').matchAll(/TEARLINE_E_[A-Z0-9_]+[A-Z0-9]/g)) {
      if (!catalogue.includes(`\`${code}\``)) missing.add(`${code} (${file})`);
    }
  }
  assert.deepEqual([...missing], [], 'add these codes to docs/errors.md');
});
