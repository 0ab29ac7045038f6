// The `tearline` CLI as plain JavaScript for the crash scenarios' children, built once per run of
// `npm run test:reliability`. Each kill starts a new child; through tsx (bin/tearline.js) every
// child spends about 0.5 CPU-s more on module loading (tsx's loader thread, twice over when the
// test runner's NODE_OPTIONS also imports tsx), which is most of a short child's work and not the
// work the kill is aimed at. The sources are transformed file by file with the esbuild that tsx
// itself runs, with the project's tsconfig options, into node_modules/.cache (so that the
// packages resolve as from src/, and no linter or formatter scans it); the code is the same, only
// loaded without the on-the-fly compiler.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

/**
 * Transforms src/ (tests excluded) into `node_modules/.cache/tearline-reliability/<name>/` and
 * returns the path of its entry script, which runs like bin/tearline.js. `remove()` deletes it;
 * `changedSince()` names the sources edited after the build, which the children do not run (the
 * test processes, started later, may: a migration added mid-run then fails as "corrupted").
 *
 * @example const cli = await buildCompiledCli(process.cwd(), `run-${process.pid}`)
 */
export async function buildCompiledCli(root, name) {
  // esbuild as tsx resolves it: the version that compiles the sources everywhere else.
  const requireFromTsx = createRequire(createRequire(join(root, 'package.json')).resolve('tsx'));
  const { transform } = requireFromTsx('esbuild');
  const cache = join(root, 'node_modules', '.cache', 'tearline-reliability');
  removeAbandoned(cache);
  const out = join(cache, name);
  rmSync(out, { recursive: true, force: true });
  const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8'));
  const builtAt = Date.now();
  const sources = () =>
    readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true }).filter(
      (e) => e.isFile() && !/\.test\.tsx?$/.test(e.name),
    );
  const files = sources();
  await Promise.all(
    files.map(async (e) => {
      const from = join(e.parentPath, e.name);
      const to = join(out, relative(root, from));
      mkdirSync(dirname(to), { recursive: true });
      if (!/\.tsx?$/.test(e.name)) return copyFileSync(from, to);
      const { code } = await transform(readFileSync(from, 'utf8'), {
        loader: e.name.endsWith('.tsx') ? 'tsx' : 'ts',
        format: 'esm',
        target: 'node20',
        // Node 20 reads `import … with { type: 'json' }` (src/core/version.ts); keep it.
        supported: { 'import-attributes': true },
        sourcefile: from,
        tsconfigRaw: { compilerOptions },
      });
      writeFileSync(to.replace(/\.tsx?$/, '.js'), code);
    }),
  );
  // Paths the sources take relative to themselves (web/dist, demo/) lead to the real folders.
  for (const sibling of ['web', 'demo']) symlinkSync(join(root, sibling), join(out, sibling));
  // The version is read from package.json two folders above src/core, as in the project.
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  writeFileSync(
    join(out, 'package.json'),
    `${JSON.stringify({ type: 'module', private: true, version })}\n`,
  );
  const entry = join(out, 'tearline.js');
  writeFileSync(
    entry,
    [
      "const { main } = await import('./src/cli/main.js');",
      'process.exitCode = await main(process.argv.slice(2));',
      '',
    ].join('\n'),
  );
  return {
    entry,
    remove: () => rmSync(out, { recursive: true, force: true }),
    changedSince: () =>
      sources()
        .map((e) => join(e.parentPath, e.name))
        .filter(
          (path) =>
            !existsSync(join(out, relative(root, path)).replace(/\.tsx?$/, '.js')) ||
            statSync(path).mtimeMs > builtAt,
        )
        .map((path) => relative(root, path)),
  };
}

/** Deletes the builds of runs that ended without removing theirs (`run-<pid>` of a dead pid). */
function removeAbandoned(cache) {
  if (!existsSync(cache)) return;
  for (const name of readdirSync(cache)) {
    const pid = Number(/^run-(\d+)$/.exec(name)?.[1]);
    if (pid && !isAlive(pid)) rmSync(join(cache, name), { recursive: true, force: true });
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return error.code === 'EPERM';
  }
}
