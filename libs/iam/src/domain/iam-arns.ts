/*
 * IAM and STS ARNs. IAM is global: no Region. AWS managed policies live in the pseudo-account
 * `aws` (`arn:<p>:iam::aws:policy/AdministratorAccess`).
 */

/** The account of AWS managed policies in their ARNs. */
export const AWS_MANAGED_ACCOUNT = 'aws';

export function iamUserArn(partition: string, accountId: string, path: string, name: string): string {
  return `arn:${partition}:iam::${accountId}:user${path}${name}`;
}

export function iamRoleArn(partition: string, accountId: string, path: string, name: string): string {
  return `arn:${partition}:iam::${accountId}:role${path}${name}`;
}

/** `accountId` null: an AWS managed policy. */
export function managedPolicyArn(
  partition: string,
  accountId: string | null,
  path: string,
  name: string,
): string {
  return `arn:${partition}:iam::${accountId ?? AWS_MANAGED_ACCOUNT}:policy${path}${name}`;
}

export function assumedRoleArn(
  partition: string,
  accountId: string,
  roleName: string,
  sessionName: string,
): string {
  return `arn:${partition}:sts::${accountId}:assumed-role/${roleName}/${sessionName}`;
}

/** An IAM ARN of this partition split into account, resource type, path and name. */
export interface IamArnParts {
  /** 12 digits, or `aws` for AWS managed policies. */
  readonly account: string;
  readonly type: 'user' | 'role' | 'policy';
  readonly path: string;
  readonly name: string;
}

const IAM_ARN = /^arn:([^:]+):iam::(\d{12}|aws):(user|role|policy)(\/(?:[\u0021-\u007E]*\/)?)([\w+=,.@-]+)$/;

/** Parses `arn:<partition>:iam::<account>:<user|role|policy><path><name>`; undefined when it is not one. */
export function parseIamArn(arn: string, partition: string): IamArnParts | undefined {
  const match = IAM_ARN.exec(arn);
  if (!match || match[1] !== partition) return undefined;
  const type = match[3] as IamArnParts['type'];
  if (match[2] === AWS_MANAGED_ACCOUNT && type !== 'policy') return undefined;
  return { account: match[2], type, path: match[4], name: match[5] };
}
