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
];
const ARN = /^arn:[\w-]+:[\w-]+:[\w-]*:(\d{12}|aws)?:.+$/;
const MAX_DEPTH = 6;

/** The distinct resources named by ARN anywhere in `values` (request parameters and response). */
export function resourcesIn(values: readonly unknown[], callerAccountId: string): EventResource[] {
  const found = new Map<string, EventResource>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || found.size >= 20) return;
    if (typeof value === 'string') {
      const resource =
        value.length <= 2048 && ARN.test(value) ? toResource(value, callerAccountId) : undefined;
      if (resource && !found.has(resource.arn)) found.set(resource.arn, resource);
      return;
    }
    if (Array.isArray(value)) value.forEach((item) => visit(item, depth + 1));
    else if (typeof value === 'object' && value !== null)
      Object.values(value).forEach((item) => visit(item, depth + 1));
  };
  values.forEach((value) => visit(value, 0));
  return [...found.values()];
}

function toResource(arn: string, callerAccountId: string): EventResource | undefined {
  const type = RESOURCE_TYPES.find(([pattern]) => pattern.test(arn))?.[1];
  if (!type) return undefined;
  const account = arn.split(':')[4];
  return {
    arn,
    accountId: account && /^\d{12}$/.test(account) ? account : callerAccountId,
    type,
    name: arn.slice(arn.lastIndexOf('/') + 1),
  };
}
