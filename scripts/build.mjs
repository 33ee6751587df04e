// `npm run build`: transpiles the TypeScript of tsconfig.build.json into dist/ with SWC, only the
// files whose content changed since the last build (all of them when the settings changed), and
// deletes the output of removed files. Types are checked by `npm run check`, not here: transpiling
// file by file takes about a second from scratch, and finding that nothing changed a fifth of one.
// The console (apps/console, React) is bundled by Vite into dist/console, only when its sources,
// the lock file or this script changed, so `npm start` restarts stay fast.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist');
const MANIFEST = join(OUT, '.build-manifest.json');
const CONSOLE = 'apps/console';
const CONSOLE_OUT = join(OUT, 'console');

const readJson = (path) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const { compilerOptions } = readJson('tsconfig.json');
const { include } = readJson('tsconfig.build.json');

// What tsc's emitDecoratorMetadata, experimentalDecorators and paths do, as Jest's SWC set-up does.
const swcOptions = {
  sourceMaps: true,
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
    target: compilerOptions.target.toLowerCase(),
    keepClassNames: true,
    baseUrl: ROOT,
    paths: compilerOptions.paths,
  },
  // import() stays a real dynamic import, as tsc emits it for module node20.
  module: { type: 'commonjs', ignoreDynamic: true },
};

/** The sources tsconfig.build.json compiles: its folders' .ts files, without tests and declarations. */
function sources(dir) {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (path === CONSOLE) return [];
    if (entry.isDirectory()) return sources(path);
    const compiled = path.endsWith('.ts') && !path.endsWith('.spec.ts') && !path.endsWith('.d.ts');
    return compiled ? [path] : [];
  });
}

const sha1 = (text) => createHash('sha1').update(text).digest('hex');
const outputOf = (source) => join(OUT, source.replace(/\.ts$/, '.js'));

function readManifest() {
  try {
    return JSON.parse(readFileSync(MANIFEST, 'utf8'));
  } catch {
    return { settings: '', files: {} };
  }
}

/** Every file of the console's folder, for its fingerprint. */
function consoleFiles(dir) {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? consoleFiles(path) : [path];
  });
}

/** Bundles the console with Vite when its fingerprint changed; returns the fingerprint. */
async function buildConsole(previous) {
  // A checkout without the console (a trimmed copy of the project) builds the rest.
  if (!existsSync(join(ROOT, CONSOLE))) return undefined;
  const fingerprint = sha1(
    [fileURLToPath(import.meta.url), 'package-lock.json', ...consoleFiles(CONSOLE).sort()]
      .map((path) => `${path}\0${sha1(readFileSync(resolve(ROOT, path)))}`)
      .join('\n'),
  );
  if (previous === fingerprint && existsSync(join(CONSOLE_OUT, 'index.html'))) return fingerprint;
  const { build: bundle } = await import('vite');
  await bundle({
    configFile: false,
    root: join(ROOT, CONSOLE),
    base: '/console/',
    logLevel: 'warn',
    oxc: { jsx: { runtime: 'automatic' } },
    build: { outDir: CONSOLE_OUT, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1000 },
  });
  return fingerprint;
}

async function build() {
  const { version, transform } = await import('@swc/core');
  const settings = sha1(JSON.stringify(swcOptions) + version + readFileSync(fileURLToPath(import.meta.url)));
  const previous = readManifest();
  const known = previous.settings === settings ? previous.files : {};
  const files = {};
  const stale = [];
  for (const source of include.flatMap(sources)) {
    const text = readFileSync(join(ROOT, source), 'utf8');
    files[source] = sha1(text);
    if (known[source] !== files[source] || !existsSync(outputOf(source))) stale.push([source, text]);
  }
  await Promise.all(
    stale.map(async ([source, text]) => {
      const output = outputOf(source);
      const { code, map } = await transform(text, {
        ...swcOptions,
        filename: join(ROOT, source),
        sourceFileName: relative(dirname(output), join(ROOT, source)),
      });
      mkdirSync(dirname(output), { recursive: true });
      writeFileSync(output, `${code}\n//# sourceMappingURL=${basename(output)}.map\n`);
      writeFileSync(`${output}.map`, map);
    }),
  );
  for (const source of Object.keys(previous.files).filter((source) => !(source in files))) {
    rmSync(outputOf(source), { force: true });
    rmSync(`${outputOf(source)}.map`, { force: true });
  }
  mkdirSync(OUT, { recursive: true });
  const consoleFingerprint = await buildConsole(previous.console);
  // Written last: a build cut short leaves the old manifest, so its files are built again.
  writeFileSync(`${MANIFEST}.tmp`, JSON.stringify({ settings, files, console: consoleFingerprint }));
  renameSync(`${MANIFEST}.tmp`, MANIFEST);
}

try {
  await build();
} catch (error) {
  // SWC's message names the file, line and problem; the Rust backtrace after it helps nobody.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`npm run build: ${message.replace(/\n+Stack backtrace:[\s\S]*/, '')}\n`);
  process.exitCode = 1;
}
