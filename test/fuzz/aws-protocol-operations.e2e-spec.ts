import { awsJsonCalls, awsQueryCalls, unknownTargetCalls } from './support/fuzz-calls';
import { assertNoFailures, prototypePollution } from './support/fuzz-harness';
import { fuzzTimeoutMs } from './support/fuzz-settings';
import { startFuzzSuite, type FuzzSuite } from './support/fuzz-suite';
import { awsOperations } from './support/operation-catalog';

/**
 * Hostile input on `POST /` and `GET /`: every AWS JSON operation the app registered, under each of
 * its X-Amz-Target prefixes, every query-protocol (STS) operation, and X-Amz-Target values no
 * operation has, get random and adversarial requests from valid callers. Never a 5xx; every error
 * in the protocol's shape with a request id; nothing written by a refused call; every call's event
 * written; no prototype polluted.
 */
const UNKNOWN_TARGETS = 'unknown X-Amz-Target';

let suite: FuzzSuite;
beforeAll(async () => {
  suite = await startFuzzSuite();
}, 120_000);
afterAll(() => suite?.close());

describe('every AWS protocol operation, fuzzed', () => {
  it(
    'answers hostile bodies in its protocol shape, never with a 5xx, writes nothing when it refuses, pollutes nothing',
    async () => {
      const operations = awsOperations(suite.app);
      expect(operations.filter((o) => o.protocol === 'aws-json').length).toBeGreaterThan(40);
      expect(operations.filter((o) => o.protocol === 'aws-query').map((o) => o.name)).toEqual(
        expect.arrayContaining(['AssumeRole', 'GetCallerIdentity']),
      );
      const failures = await suite.harness.runProperties([
        ...operations.map((operation) => ({
          key: operation.key,
          readOnly: operation.readOnly,
          calls:
            operation.protocol === 'aws-json'
              ? awsJsonCalls(operation, suite.context)
              : awsQueryCalls(operation, suite.context),
        })),
        { key: UNKNOWN_TARGETS, readOnly: true, calls: unknownTargetCalls(operations, suite.context) },
      ]);
      suite.harness.report();
      assertNoFailures([...failures, ...suite.harness.violations]);
      expect(prototypePollution()).toEqual([]);
    },
    fuzzTimeoutMs(),
  );
});
