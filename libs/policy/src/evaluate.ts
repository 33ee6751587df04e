import { type AuthorizationRequest, type RequestPrincipal } from './authorization-request';
import { type CompiledPolicy, type CompiledStatement } from './compile-policy';
import {
  NO_IDENTITY_ALLOW,
  NO_RESOURCE_ALLOW,
  noRcpAllowAt,
  noScpAllowAt,
  ROOT_USER_ALLOWED,
  type EvaluationResult,
} from './evaluation-result';

/**
 * Everything that applies to one request (iam.md §2.2): the caller's identity policies (inline and managed,
 * of the user, or of the role behind a session), the SCPs of each level of the caller's organization path
 * (root first; `[]` when the caller is not under SCPs, as for the management account), the RCPs of each
 * level of the resource owner's organization path (root first; absent or `[]` when the resource is not
 * under RCPs), and the resource rule of the target (or the trust policy of a role being assumed), if any.
 */
export interface PolicySet {
  readonly identity: readonly CompiledPolicy[];
  readonly scpPath: readonly (readonly CompiledPolicy[])[];
  readonly rcpPath?: readonly (readonly CompiledPolicy[])[];
  readonly resource: CompiledPolicy | null;
}

const NOT_BOUNDED: readonly (readonly CompiledPolicy[])[] = [];

/**
 * Decides a request exactly as iam.md §2–§4 and §7 describe:
 * 1. an applicable Deny statement anywhere (RCPs, SCPs, identity policies, resource rule) is final;
 * 2. every RCP level of the resource owner's path, then every SCP level of the caller's, must have an
 *    applicable Allow (AWS evaluates RCPs before SCPs);
 * 3. the root user may do everything to its own account's resources;
 * 4. within one account, an Allow in an identity policy, or a resource rule naming the caller, suffices;
 * 5. across accounts, the identity side (or the root user) and the resource rule must both allow.
 * Otherwise the request is implicitly denied. Only statements naming the action are looked at.
 */
export function evaluate(request: AuthorizationRequest, policies: PolicySet): EvaluationResult {
  const action = request.action;

  const rcpGap = boundary(policies.rcpPath ?? NOT_BOUNDED, request);
  if (typeof rcpGap !== 'number') return rcpGap.denialResult();
  const scpGap = boundary(policies.scpPath, request);
  if (typeof scpGap !== 'number') return scpGap.denialResult();

  let identityGrant: CompiledStatement | undefined;
  const identity = policies.identity;
  for (let i = 0; i < identity.length; i++) {
    const plan = identity[i].planFor(action);
    const deny = firstApplying(plan.denies, request);
    if (deny) return deny.denialResult();
    identityGrant ??= firstApplying(plan.allows, request);
  }

  const principal = request.principal;
  const rule = policies.resource;
  let directGrant: CompiledStatement | undefined;
  let accountGrant: CompiledStatement | undefined;
  if (rule) {
    const plan = rule.planFor(action);
    for (const statement of plan.denies) {
      if (statement.principalMatch(principal) !== 'none' && statement.applies(request)) {
        return statement.denialResult();
      }
    }
    for (const statement of plan.allows) {
      const match = statement.principalMatch(principal);
      if (match === 'none' || (match === 'account' && accountGrant) || !statement.applies(request)) continue;
      if (match === 'direct') {
        directGrant = statement;
        break;
      }
      accountGrant = statement;
    }
  }

  if (rcpGap >= 0) return noRcpAllowAt(rcpGap);
  if (scpGap >= 0) return noScpAllowAt(scpGap);
  const rootUser = isRootUser(principal);
  if (request.resource.account === principal.account) {
    if (rootUser) return ROOT_USER_ALLOWED;
    const grant = identityGrant ?? directGrant;
    return grant ? grant.grantResult() : NO_IDENTITY_ALLOW;
  }
  if (!identityGrant && !rootUser) return NO_IDENTITY_ALLOW;
  const resourceGrant = directGrant ?? accountGrant;
  return resourceGrant ? resourceGrant.grantResult() : NO_RESOURCE_ALLOW;
}

/**
 * Walks a path of bounding policies (SCPs or RCPs), root level first: the first applicable Deny statement,
 * else the first level without an applicable Allow, else -1. RCP statements must also name the caller
 * (their Principal is `*`, narrowed by conditions); SCP statements name nobody and cover the caller.
 */
function boundary(
  path: readonly (readonly CompiledPolicy[])[],
  request: AuthorizationRequest,
): CompiledStatement | number {
  let gap = -1;
  for (let level = 0; level < path.length; level++) {
    const attached = path[level];
    let allowed = false;
    for (let i = 0; i < attached.length; i++) {
      const plan = attached[i].planFor(request.action);
      const deny = firstNaming(plan.denies, request);
      if (deny) return deny;
      allowed ||= firstNaming(plan.allows, request) !== undefined;
    }
    if (!allowed && gap < 0) gap = level;
  }
  return gap;
}

function firstNaming(
  statements: readonly CompiledStatement[],
  request: AuthorizationRequest,
): CompiledStatement | undefined {
  for (let i = 0; i < statements.length; i++) {
    const statement = statements[i];
    if (statement.principalMatch(request.principal) !== 'none' && statement.applies(request))
      return statement;
  }
  return undefined;
}

function firstApplying(
  statements: readonly CompiledStatement[],
  request: AuthorizationRequest,
): CompiledStatement | undefined {
  for (let i = 0; i < statements.length; i++) {
    if (statements[i].applies(request)) return statements[i];
  }
  return undefined;
}

/** The root user: principal type `Account`, ARN `arn:aws:iam::<acct>:root`. (`indexOf` from the last
 * possible position is much cheaper in V8 than `endsWith`.) */
export function isRootUser(principal: RequestPrincipal): boolean {
  const { arn } = principal;
  return principal.type === 'Account' || arn.indexOf(':root', arn.length - 5) !== -1;
}
