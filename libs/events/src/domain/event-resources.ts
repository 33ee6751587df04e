/** A resource an API call touched, as `resources` records it and LookupEvents finds it. */
export interface EventResource {
  readonly arn: string;
  readonly accountId: string;
  readonly type: string;
  /** The resource's own name (last ARN segment), also searchable as ResourceName. */
  readonly name: string;
}

const RESOURCE_TYPES: ReadonlyArray<[RegExp, string]> = [
  [/^arn:[\w-]+:cloudtrail:[\w-]+:\d{12}:trail\/.+$/, 'AWS::CloudTrail::Trail'],
  [/^arn:[\w-]+:organizations::\d{12}:organization\/.+$/, 'AWS::Organizations::Organization'],
  [/^arn:[\w-]+:organizations::\d{12}:account\/.+$/, 'AWS::Organizations::Account'],
  [/^arn:[\w-]+:organizations::\d{12}:ou\/.+$/, 'AWS::Organizations::OrganizationalUnit'],
  [/^arn:[\w-]+:organizations::\d{12}:policy\/.+$/, 'AWS::Organizations::Policy'],
  [/^arn:[\w-]+:organizations::\d{12}:root\/.+$/, 'AWS::Organizations::Root'],
  [/^arn:[\w-]+:organizations::\d{12}:handshake\/.+$/, 'AWS::Organizations::Handshake'],
  [/^arn:[\w-]+:iam::\d{12}:user\/.+$/, 'AWS::IAM::User'],
  [/^arn:[\w-]+:iam::\d{12}:role\/.+$/, 'AWS::IAM::Role'],
  [/^arn:[\w-]+:iam::(\d{12}|aws):policy\/.+$/, 'AWS::IAM::Policy'],
  [/^arn:[\w-]+:s3:::[^/]+\/.+$/s, 'AWS::S3::Object'],
  [/^arn:[\w-]+:s3:::[^/]+$/, 'AWS::S3::Bucket'],
];
/** The resource an ARN names, typed as CloudTrail types it; undefined for ARNs of no known type. */
export function eventResource(arn: string, accountId: string): EventResource | undefined {
  const type = RESOURCE_TYPES.find(([pattern]) => pattern.test(arn))?.[1];
  if (!type) return undefined;
  return { arn, accountId, type, name: arn.slice(arn.lastIndexOf('/') + 1) };
}
