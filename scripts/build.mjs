// `npm run build`: compiles src/ (tests excluded) to dist/ with esbuild, file by file, so that
// `tearline` and `tearline serve` run plain JavaScript with no TypeScript loader (ADR 0023).
// dist/ mirrors src/ at the same depth (src/cli/main.ts → dist/cli/main.js), so the paths the
// sources take relative to themselves (../../web/dist, ../../../demo, ../../package.json) lead
// to the same folders from either. Types are checked by `npm run typecheck`, not here.
import { build } from 'esbuild';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
const out = join(root, 'dist');
const started = performance.now();

const files = readdirSync(src, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && !/\.test\.tsx?$/.test(e.name))
  .map((e) => join(e.parentPath, e.name));
const sources = files.filter((f) => /\.tsx?$/.test(f));
const assets = files.filter((f) => !/\.tsx?$/.test(f));

// `--if-stale` (the test runner's): nothing to do when dist/ was built from the same files and is
// newer than every input.
const stamp = join(out, '.built');
const inputs = [...files, join(root, 'tsconfig.server.json'), fileURLToPath(import.meta.url)];
if (
  process.argv.includes('--if-stale') &&
  existsSync(stamp) &&
  readFileSync(stamp, 'utf8') === files.join('\n') &&
  inputs.every((f) => statSync(f).mtimeMs <= statSync(stamp).mtimeMs)
) {
  process.exit(0);
}

rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: sources,
  outdir: out,
  outbase: src,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  bundle: false,
  sourcemap: 'linked',
  tsconfig: join(root, 'tsconfig.server.json'),
  logLevel: 'warning',
});
for (const from of assets) {
  const to = join(out, relative(src, from));
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}
writeFileSync(stamp, files.join('\n'));
const ms = Math.round(performance.now() - started);
console.log(`build: ${sources.length} modules and ${assets.length} assets → dist/ in ${ms} ms`);
