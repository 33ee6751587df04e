import { Injectable } from '@nestjs/common';
import { assumedRolePrincipal, userPrincipal } from '@app/identity';
import { type Principal, type RequestContext, TransactionRunner } from '@app/platform';
import { parseIamArn } from '../domain/iam-arns';
import { IamValidationError, NoSuchEntityError } from '../domain/iam.errors';
import { parseContext } from '../domain/simulation';
import { IamRoleRepository } from '../persistence/iam-role.repository';
import { IamUserRepository } from '../persistence/iam-user.repository';
import { type ResourceRef } from './authorization-ports';
import { Authorizer } from './authorizer';

export interface SimulatePrincipalPolicyInput {
  /** A user or role of the caller's account. */
  policySourceArn: string;
  actionNames: string[];
  /** Defaults to `*`. */
  resourceArns?: string[];
  /** Extra condition keys (`aws:SourceIp`, `aws:RequestedRegion`, …) overriding the caller's request. */
  contextEntries?: Record<string, string | string[]>;
}

export interface SimulationResult {
  readonly action: string;
  readonly resource: string;
  readonly decision: 'Allow' | 'ImplicitDeny' | 'ExplicitDeny';
  readonly reason: {
    readonly kind: string;
    readonly message: string;
    readonly policyName?: string;
    readonly statementIndex?: number;
    readonly sid?: string;
  };
  /** The error the call would answer when denied. */
  readonly error?: { readonly code: string; readonly message: string };
}

const MAX_PAIRS = 1_000;

/** The principal a user or role ARN names, as its requests would carry it (a role as one of its sessions). */
const SIMULATED_SESSION = 'SimulatePrincipalPolicy';

/**
 * Like IAM's SimulatePrincipalPolicy: decides each (action, resource) pair for a user or role of the
 * caller's account with everything that would apply to its real requests — its identity policies,
 * its account's SCP path and the resources' rules (organization trails, trust policies) — using the
 * caller's request context unless `contextEntries` says otherwise.
 */
@Injectable()
export class SimulatePrincipalPolicyUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly users: IamUserRepository,
    private readonly roles: IamRoleRepository,
    private readonly authorizer: Authorizer,
  ) {}

  async execute(ctx: RequestContext, input: SimulatePrincipalPolicyInput): Promise<SimulationResult[]> {
    const resources = input.resourceArns?.length ? input.resourceArns : ['*'];
    if (input.actionNames.length === 0)
      throw new IamValidationError('ActionNames must name at least one action.');
    if (input.actionNames.length * resources.length > MAX_PAIRS) {
      throw new IamValidationError(
        `At most ${MAX_PAIRS} action and resource pairs can be simulated at once.`,
      );
    }
    const extra = parseContext(input.contextEntries, 'contextEntries');
    const principal = await this.principalOf(ctx, input.policySourceArn);
    const caller = await this.authorizer.prepare({ ...ctx, principal, accountId: principal.accountId });
    const results: SimulationResult[] = [];
    for (const action of input.actionNames) {
      for (const arn of resources) {
        const outcome = await this.authorizer.decide(
          caller,
          action,
          [simulatedResource(arn, ctx.accountId, action)],
          extra,
        );
        results.push({
          action,
          resource: arn,
          decision: outcome.decision,
          reason: outcome.reason,
          ...(outcome.error ? { error: { code: outcome.error.code, message: outcome.error.message } } : {}),
        });
      }
    }
    return results;
  }

  private async principalOf(ctx: RequestContext, arn: string): Promise<Principal> {
    const parts = parseIamArn(arn, ctx.partition);
    if (!parts || parts.type === 'policy')
      throw new IamValidationError(`${arn.slice(0, 200)} is not a user or role ARN.`);
    const missing = () => new NoSuchEntityError(`The ${parts.type} with ARN ${arn} cannot be found.`);
    if (parts.account !== ctx.accountId) throw missing();
    return this.tx.read(async (em) => {
      if (parts.type === 'user') {
        const user = await this.users.findByName(em, ctx.accountId, parts.name);
        if (!user || user.path !== parts.path) throw missing();
        return userPrincipal(ctx.partition, ctx.accountId, user, '');
      }
      const role = await this.roles.findByName(em, ctx.accountId, parts.name);
      if (!role || role.path !== parts.path) throw missing();
      return assumedRolePrincipal(ctx.partition, ctx.accountId, role, {
        name: SIMULATED_SESSION,
        accessKeyId: '',
        createdAt: ctx.receivedAt,
      });
    });
  }
}

const ARN_ACCOUNT = /^arn:[^:]+:[^:]+:[^:]*:(\d{12}):/;

/**
 * A resource ARN as a request would name it: its owner from the ARN (Organizations' resources, whose
 * rules the service enforces itself, count as the caller's, as for real requests), and the rules that know it.
 */
export function simulatedResource(arn: string, callerAccountId: string, action: string): ResourceRef {
  const account =
    arn.startsWith('arn:') && arn.split(':')[2] === 'organizations'
      ? callerAccountId
      : (ARN_ACCOUNT.exec(arn)?.[1] ?? callerAccountId);
  if (/^arn:[^:]+:cloudtrail:[^:]*:\d{12}:trail\//.test(arn)) return { arn, account, kind: 'trail' };
  if (action.toLowerCase() === 'sts:assumerole' && /^arn:[^:]+:iam::\d{12}:role\//.test(arn)) {
    return { arn, account, kind: 'assumable-role' };
  }
  return { arn, account };
}
