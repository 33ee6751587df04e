import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/**
 * `scripts/build.mjs` on a small project of its own: an app importing a library through an `@app/`
 * alias, a decorated class whose constructor types Nest's injection reads, and a unit test.
 */
class Project {
  readonly dir = mkdtempSync(join(tmpdir(), 'trailplane-build-'));

  constructor() {
    mkdirSync(join(this.dir, 'scripts'));
    copyFileSync(join(ROOT, 'scripts/build.mjs'), join(this.dir, 'scripts/build.mjs'));
    symlinkSync(join(ROOT, 'node_modules'), join(this.dir, 'node_modules'));
    this.write(
      'tsconfig.json',
      JSON.stringify({
        compilerOptions: { target: 'ES2022', paths: { '@app/greeting': ['./libs/greeting/src/index.ts'] } },
      }),
    );
    this.write('tsconfig.build.json', JSON.stringify({ include: ['apps', 'libs'] }));
    this.write(
      'libs/greeting/src/index.ts',
      `import 'reflect-metadata';
      export class Clock { hour(): number { return 9; } }
      const Injectable = (): ClassDecorator => () => undefined;
      @Injectable()
      export class Greeter {
        constructor(private readonly clock: Clock) {}
        greet(name: string): string { return this.clock.hour() < 12 ? \`Good morning, \${name}\` : \`Hello, \${name}\`; }
      }`,
    );
    this.write('libs/greeting/src/index.spec.ts', `it('greets', () => undefined);`);
    this.write('apps/hello/src/main.ts', this.main('Ada'));
  }

  main(name: string): string {
    return `import { Clock, Greeter } from '@app/greeting';
      const injected = (Reflect.getMetadata('design:paramtypes', Greeter) as Array<{ name: string }>).map((t) => t.name);
      console.log(JSON.stringify({ injected, greeting: new Greeter(new Clock()).greet('${name}') }));`;
  }

  write(path: string, text: string): void {
    mkdirSync(dirname(join(this.dir, path)), { recursive: true });
    writeFileSync(join(this.dir, path), text);
  }

  build(): void {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: this.dir, stdio: 'pipe' });
  }

  run(): unknown {
    return JSON.parse(
      execFileSync(process.execPath, ['dist/apps/hello/src/main.js'], { cwd: this.dir }).toString(),
    );
  }

  builtAt(path: string): number {
    return statSync(join(this.dir, 'dist', path)).mtimeMs;
  }

  built(path: string): boolean {
    return existsSync(join(this.dir, 'dist', path));
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

describe('npm run build (scripts/build.mjs)', () => {
  let project: Project;

  beforeEach(() => {
    project = new Project();
  });

  afterEach(() => project.remove());

  it('compiles every source into dist/: aliases resolved, constructor types kept for injection, tests left out', () => {
    project.build();

    expect(project.run()).toEqual({ injected: ['Clock'], greeting: 'Good morning, Ada' });
    expect(project.built('libs/greeting/src/index.js.map')).toBe(true);
    expect(project.built('libs/greeting/src/index.spec.js')).toBe(false);
  });

  it('compiles again only the sources that changed, and deletes the output of removed ones', () => {
    project.build();
    const library = project.builtAt('libs/greeting/src/index.js');
    const app = project.builtAt('apps/hello/src/main.js');

    project.build();
    expect([
      project.builtAt('libs/greeting/src/index.js'),
      project.builtAt('apps/hello/src/main.js'),
    ]).toEqual([library, app]);

    project.write('apps/hello/src/main.ts', project.main('Grace'));
    project.write('apps/hello/src/extra.ts', 'export const extra = 1;');
    project.build();
    expect(project.run()).toEqual({ injected: ['Clock'], greeting: 'Good morning, Grace' });
    expect(project.builtAt('libs/greeting/src/index.js')).toBe(library);
    expect(project.built('apps/hello/src/extra.js')).toBe(true);

    rmSync(join(project.dir, 'apps/hello/src/extra.ts'));
    project.build();
    expect(project.built('apps/hello/src/extra.js')).toBe(false);
    expect(project.built('apps/hello/src/extra.js.map')).toBe(false);
  });
});
