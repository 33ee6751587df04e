import { type OperationScope, type ResourceRef, textMember, textMembers } from '@app/platform';
import { formatTrailArn, parseTrailArn } from '../domain/trail-arn';

/**
 * The trail a request names, as the caller sees it: a bare name is the caller's trail in the
 * called Region; an ARN carries its owner. A malformed ARN names no trail at all: it counts as the
 * caller's, and the operation then refuses it (CloudTrailARNInvalidException). Missing: `*`.
 */
export function trailResource(scope: OperationScope, nameOrArn: unknown): ResourceRef {
  const value = textMember(nameOrArn);
  if (value === undefined) return { arn: '*', account: scope.accountId };
  if (value.startsWith('arn:')) return { arn: value, account: ownerOf(value, scope), kind: 'trail' };
  return {
    arn: formatTrailArn(scope.partition, scope.region, scope.accountId, value),
    account: scope.accountId,
    kind: 'trail',
  };
}

/** Several trails; none named means every trail (`*`). */
export function trailResources(scope: OperationScope, namesOrArns: unknown): ResourceRef[] {
  const values = textMembers(namesOrArns);
  return values?.length
    ? values.map((value) => trailResource(scope, value))
    : [{ arn: '*', account: scope.accountId }];
}

function ownerOf(arn: string, scope: OperationScope): string {
  try {
    return parseTrailArn(arn, scope.partition).accountId;
  } catch {
    return scope.accountId;
  }
}
