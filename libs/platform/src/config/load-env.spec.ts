import { InvalidEnvironmentError, loadEnv } from './load-env';

describe(loadEnv.name, () => {
  it('applies defaults when nothing is set', () => {
    const env = loadEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.TRAILPLANE_DATA_DIR).toBe('./.data');
    expect(Object.isFrozen(env)).toBe(true);
  });

  it('converts numbers and keeps URLs', () => {
    const env = loadEnv({ PORT: '8080', DATABASE_URL: 'postgres://u@h/db', REDIS_URL: 'redis://h:6379' });
    expect(env.PORT).toBe(8080);
    expect(env.DATABASE_URL).toBe('postgres://u@h/db');
  });

  it('stops start-up naming the bad variable', () => {
    expect(() => loadEnv({ PORT: 'eighty' })).toThrow(InvalidEnvironmentError);
    expect(() => loadEnv({ DATABASE_URL: 'mysql://x' })).toThrow(
      /Invalid environment: DATABASE_URL=mysql:\/\/x/,
    );
  });

  it('rotates digest signing keys every 30 days unless told otherwise, and never every 0 days', () => {
    expect(loadEnv({}).TRAILPLANE_DIGEST_KEY_ROTATION_DAYS).toBe(30);
    expect(loadEnv({ TRAILPLANE_DIGEST_KEY_ROTATION_DAYS: '7' }).TRAILPLANE_DIGEST_KEY_ROTATION_DAYS).toBe(7);
    expect(
      loadEnv({ TRAILPLANE_DIGEST_KEY_ROTATION_DAYS: '0.001' }).TRAILPLANE_DIGEST_KEY_ROTATION_DAYS,
    ).toBe(0.001);
    expect(() => loadEnv({ TRAILPLANE_DIGEST_KEY_ROTATION_DAYS: '0' })).toThrow(
      /TRAILPLANE_DIGEST_KEY_ROTATION_DAYS=0/,
    );
    expect(() => loadEnv({ TRAILPLANE_DIGEST_KEY_ROTATION_DAYS: 'soon' })).toThrow(
      /TRAILPLANE_DIGEST_KEY_ROTATION_DAYS=soon/,
    );
  });

  it('never echoes a secret value', () => {
    expect(() => loadEnv({ TRAILPLANE_BOOTSTRAP_SECRET_ACCESS_KEY: 'short' })).toThrow(/<redacted>/);
  });
});
