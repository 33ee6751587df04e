import { type ContextValue, type PrincipalType, type RequestPrincipal } from '@app/policy';
import type { Principal } from '@app/platform';
import { type Tag } from './iam-names';

/** What the request context of iam.md §1 is built from, besides the resource. */
export interface CallerFacts {
  readonly principal: Principal;
  /** The SigV4 credential scope's Region. */
  readonly region: string;
  readonly sourceIp: string;
  readonly secureTransport: boolean;
  readonly now: Date;
  /** The caller's organization, when its account is in one. */
  readonly organizationId?: string;
  /** Tags of the user, or of the role behind a session. */
  readonly principalTags: readonly Tag[];
}

/** What the evaluator knows about the target of one request. */
export interface ResourceFactsForContext {
  readonly account: string;
  readonly organizationId?: string;
  readonly tags?: readonly { readonly key: string; readonly value?: string }[];
}

export type ConditionContext = Record<string, ContextValue>;

const PRINCIPAL_TYPES = {
  Root: 'Account',
  IAMUser: 'User',
  AssumedRole: 'AssumedRole',
} as const satisfies Record<Principal['type'], PrincipalType>;

/** The principal as the evaluator sees it: root users are of type `Account`. */
export function requestPrincipal(principal: Principal): RequestPrincipal {
  return { arn: principal.arn, account: principal.accountId, type: PRINCIPAL_TYPES[principal.type] };
}

/** ISO 8601 without milliseconds, as AWS renders `aws:CurrentTime`. */
function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** `aws:CurrentTime` and `aws:EpochTime` of the current second, formatted once per second (hot path). */
let lastSecond = Number.NaN;
let lastTimes = { iso: '', epoch: '' };

function timesOf(now: Date): { iso: string; epoch: string } {
  const second = Math.floor(now.getTime() / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastTimes = { iso: isoSeconds(now), epoch: String(second) };
  }
  return lastTimes;
}

/**
 * The global condition keys of the caller (iam.md §1), for every resource of the request:
 * `aws:PrincipalArn` of a role session is the role's ARN; `aws:username` exists for IAM users only;
 * `aws:userid` is the account id for root, the user id, or `<role id>:<session>`;
 * `aws:MultiFactorAuthPresent` exists for temporary credentials only (always false here). The
 * resource keys default to the caller's own account, the usual case.
 */
export function callerContext(facts: CallerFacts): ConditionContext {
  const { principal } = facts;
  const times = timesOf(facts.now);
  const context: ConditionContext = {
    'aws:PrincipalAccount': principal.accountId,
    'aws:PrincipalArn': principal.sessionIssuer?.arn ?? principal.arn,
    'aws:PrincipalType': PRINCIPAL_TYPES[principal.type],
    'aws:userid': principal.principalId,
    'aws:RequestedRegion': facts.region,
    'aws:SourceIp': facts.sourceIp,
    'aws:CurrentTime': times.iso,
    'aws:EpochTime': times.epoch,
    'aws:SecureTransport': facts.secureTransport ? 'true' : 'false',
    'aws:ResourceAccount': principal.accountId,
  };
  if (principal.type === 'IAMUser' && principal.userName !== undefined)
    context['aws:username'] = principal.userName;
  if (principal.type === 'AssumedRole') {
    context['aws:MultiFactorAuthPresent'] = 'false';
    if (principal.sessionCreatedAt) context['aws:TokenIssueTime'] = isoSeconds(principal.sessionCreatedAt);
  }
  if (facts.organizationId !== undefined) {
    context['aws:PrincipalOrgID'] = facts.organizationId;
    context['aws:ResourceOrgID'] = facts.organizationId;
  }
  for (const tag of facts.principalTags) context[`aws:PrincipalTag/${tag.key}`] = tag.value;
  return context;
}

/** The caller's context with the keys of a resource that is not simply the caller's own. */
export function withResource(base: ConditionContext, resource: ResourceFactsForContext): ConditionContext {
  const context: ConditionContext = { ...base, 'aws:ResourceAccount': resource.account };
  delete context['aws:ResourceOrgID'];
  if (resource.organizationId !== undefined) context['aws:ResourceOrgID'] = resource.organizationId;
  for (const tag of resource.tags ?? []) context[`aws:ResourceTag/${tag.key}`] = tag.value ?? '';
  return context;
}
