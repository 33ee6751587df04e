import { type INestApplicationContext } from '@nestjs/common';
import { givenOpenLogBuckets } from '../../bench/support/open-log-buckets';
import { type TestCredentials } from './credentials';

export { rootContext } from '../../bench/support/open-log-buckets';

/**
 * The buckets the suites' trails name without creating them: every test app starts with them,
 * open to CloudTrail for any trail. Tests of CreateTrail's bucket check use other names.
 */
export const OPEN_LOG_BUCKETS = [
  'audit-logs',
  'logs',
  'org-logs',
  'org-audit-logs',
  'other-bucket',
  'openapi-audit-logs',
  'matrix-logs',
  'elsewhere',
];

export function givenTestLogBuckets(app: INestApplicationContext, owner: TestCredentials): Promise<void> {
  return givenOpenLogBuckets(app, owner, OPEN_LOG_BUCKETS);
}
