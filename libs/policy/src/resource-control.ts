/**
 * The services whose actions resource control policies govern (the AWS Organizations User Guide's
 * "List of AWS services that support RCPs"): an RCP names only their actions, and bounds only
 * requests for them. Of Trailplane's own actions that is `sts:*` (a role being assumed is the
 * resource); CloudTrail, IAM and Organizations requests are never under RCPs, as in AWS.
 */
export const RCP_SERVICE_PREFIXES: readonly string[] = [
  'aoss',
  'cognito-idp',
  'dynamodb',
  'ecr',
  'kms',
  'logs',
  's3',
  'secretsmanager',
  'sqs',
  'sts',
];

const GOVERNED = new Set(RCP_SERVICE_PREFIXES);

/** Whether resource control policies bound requests for `action` (`<service>:<Operation>`). */
export function isGovernedByResourceControlPolicies(action: string): boolean {
  const colon = action.indexOf(':');
  return colon > 0 && GOVERNED.has(action.slice(0, colon).toLowerCase());
}
