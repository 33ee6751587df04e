/** Jest: unit tests beside the code, end-to-end tests in test/. SWC transpiles TypeScript (types are
 * checked by `npm run check`) and the ESM-only dependencies (NestJS 12, fast-check, PGlite). */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const moduleNameMapper = {
  '^@app/platform/errors$': '<rootDir>/libs/platform/src/errors/index.ts',
  '^@app/([a-z0-9-]+)$': '<rootDir>/libs/$1/src/index.ts',
};

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': swc },
  // Several dependencies ship ESM only (NestJS 12, fast-check, PGlite, some of Fastify's); SWC makes them CommonJS.
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|@fastify|fastify|fast-check|@electric-sql|pure-rand|content-disposition)/)',
  ],
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};

module.exports = {
  testTimeout: 60000,
  // Two workers use both cores; a worker past 1 GB is replaced, so what one suite leaves behind
  // (servers, pools, timers of the libraries) cannot slow the suites after it.
  maxWorkers: 2,
  workerIdleMemoryLimit: '1GB',
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/migrations/**/*.spec.ts',
        '<rootDir>/bench/**/*.spec.ts',
      ],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      setupFiles: ['<rootDir>/test/support/setup-env.ts'],
    },
  ],
};
