import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  engines: { node: string };
};

/** The project runs on the Node.js its `node` dependency pins, never on the machine's own. */
describe('runtime', () => {
  it('runs the suites on the pinned Node.js 24 LTS', () => {
    expect(packageJson.dependencies.node).toMatch(/^24\.\d+\.\d+$/);
    expect(process.version).toBe(`v${packageJson.dependencies.node}`);
    expect(packageJson.engines.node).toBe(packageJson.dependencies.node);
  });

  it('gives npm scripts and spawned processes (API, workers, benchmarks) the same Node.js', () => {
    const version = execFileSync(process.execPath, ['-p', 'process.version'], { encoding: 'utf8' }).trim();
    expect(version).toBe(process.version);
    const fromScripts = execFileSync('npm', ['exec', '--', 'node', '-p', 'process.version'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    expect(fromScripts).toBe(process.version);
  });
});
