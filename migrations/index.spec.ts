import { readdirSync } from 'node:fs';
import { ALL_MIGRATIONS } from './index';

describe('ALL_MIGRATIONS', () => {
  it('lists every migration file in timestamp order', () => {
    const files = readdirSync(__dirname)
      .filter((f) => /^\d{13}-.+\.ts$/.test(f) && !f.endsWith('.spec.ts'))
      .sort();
    expect(ALL_MIGRATIONS.map((m) => new m().name)).toEqual(
      files.map((f) => {
        const [timestamp] = f.split('-');
        const words = f.replace(/^\d+-/, '').replace(/\.ts$/, '').split('-');
        return words.map((w) => w[0].toUpperCase() + w.slice(1)).join('') + timestamp;
      }),
    );
  });
});
