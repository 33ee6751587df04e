import { restCalls, unroutedCalls } from './support/fuzz-calls';
import { assertNoFailures, prototypePollution } from './support/fuzz-harness';
import { fuzzTimeoutMs } from './support/fuzz-settings';
import { startFuzzSuite, type FuzzSuite } from './support/fuzz-suite';
import { restRoutes } from './support/operation-catalog';

/**
 * Hostile input on the REST API: every /v1 route Fastify serves (its parameters, body members and
 * limits from the OpenAPI document), with path parameters filled with real, random and adversarial
 * values, random query parameters and hostile bodies; and methods and paths no route serves. Never a
 * 5xx; every error as {"error":{code,message,requestId}}; nothing written by a refused call; every
 * call's event written; no prototype polluted.
 */
const UNROUTED = 'unrouted method or path';

let suite: FuzzSuite;
beforeAll(async () => {
  suite = await startFuzzSuite();
}, 120_000);
afterAll(() => suite?.close());

describe('every REST route, fuzzed', () => {
  it(
    'answers hostile requests with {"error":{…}}, never with a 5xx, writes nothing when it refuses, pollutes nothing',
    async () => {
      const routes = await restRoutes(suite.app);
      expect(routes.length).toBeGreaterThan(80);
      const failures = await suite.harness.runProperties([
        ...routes.map((route) => ({
          key: route.key,
          readOnly: route.readOnly,
          calls: restCalls(route, suite.context),
        })),
        { key: UNROUTED, readOnly: false, calls: unroutedCalls(routes, suite.context) },
      ]);
      suite.harness.report();
      assertNoFailures([...failures, ...suite.harness.violations]);
      expect(prototypePollution()).toEqual([]);
    },
    fuzzTimeoutMs(),
  );
});
