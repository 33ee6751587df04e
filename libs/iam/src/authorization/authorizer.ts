import { Inject, Injectable } from '@nestjs/common';
import {
  accessDeniedMessage,
  type AuthorizationRequest,
  type CompiledPolicy,
  type DenyResult,
  evaluate,
  type EvaluationResult,
  isDenied,
  PolicyCache,
  type RequestPrincipal,
  type StoredPolicy,
} from '@app/policy';
import {
  Clock,
  type DomainError,
  LOGGER,
  type Principal,
  type RequestContext,
  TransactionRunner,
} from '@app/platform';
import { type Logger } from 'pino';
import {
  callerContext,
  type ConditionContext,
  requestPrincipal,
  withResource,
} from '../domain/authorization-context';
import { AccessDeniedError } from '../domain/iam.errors';
import { mentionsResourceTags } from '../domain/policy-documents';
import { IdentityPolicyRepository } from '../persistence/identity-policy.repository';
import {
  OrganizationPolicySource,
  RESOURCE_FACTS_SOURCES,
  type ResourceFacts,
  ResourceFactsSource,
  type ResourceKind,
  type ResourceRef,
} from './authorization-ports';
import { type CompiledPath, compilePath, compileStored } from './compiled-policies';
import { NO_RESOURCES, ruleGrants, TRUST_NOT_GRANTED } from './decision-results';
import { policyHolderOf, policySetKey } from './policy-holders';
import { ResourceControlPaths } from './resource-control-paths';
import { VersionedCache } from './versioned-cache';

/** Everything that decides a principal's requests, compiled; cached per authorization generation. */
export interface PolicySet {
  readonly identity: readonly CompiledPolicy[];
  readonly scpPath: CompiledPath;
  /** The RCPs bounding requests to the principal's own account's resources. */
  readonly rcpPath: CompiledPath;
  readonly organization?: { readonly id: string; readonly managementAccountId: string };
  readonly principalTags: readonly { readonly key: string; readonly value: string }[];
  /** Some policy mentions `aws:ResourceTag/…`: resources' tags must be read. */
  readonly usesResourceTags: boolean;
}

/** A caller ready for decisions: its policy set, and the condition keys of its request. */
export interface PreparedCaller {
  readonly ctx: RequestContext;
  readonly policies: PolicySet;
  readonly principal: RequestPrincipal;
  readonly context: ConditionContext;
}

/** What was decided for one operation call (kept on the request for logs and events). */
export interface AuthorizationOutcome {
  readonly action: string;
  readonly resources: readonly string[];
  readonly decision: EvaluationResult['decision'];
  /** Why: the statement (policy, index, sid) or rule that decided, for the first denied resource or the last allowed. */
  readonly reason: EvaluationResult['reason'];
  /** The error a denied call answers. */
  readonly error?: DomainError;
}

/**
 * Decides every request as iam.md describes: the caller's identity policies (user, or the role behind
 * a session), the SCPs of its account's organization path, the RCPs of the resource owner's path, and
 * the owner's resource rules, for the action on each resource, with the request's condition keys.
 *
 * Speed: a principal's policy set is loaded once per authorization generation of its account (read
 * with its credentials, bumped in the writing transaction by any change that could alter a decision),
 * so every replica sees committed changes on the next request without messages; documents are
 * compiled once per (policy, version) through the shared `PolicyCache`.
 */
@Injectable()
export class Authorizer {
  private readonly policySets = new VersionedCache<PolicySet>(10_000);
  private readonly factsSources: ReadonlyMap<ResourceKind, ResourceFactsSource>;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly identityPolicies: IdentityPolicyRepository,
    private readonly organizations: OrganizationPolicySource,
    @Inject(RESOURCE_FACTS_SOURCES) factsSources: readonly ResourceFactsSource[],
    private readonly policyCache: PolicyCache,
    private readonly resourceControls: ResourceControlPaths,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.factsSources = new Map(factsSources.map((source) => [source.kind, source]));
  }

  /**
   * The caller's policy set (cached under `generation` when given, else read afresh) and the
   * condition keys of its request.
   */
  async prepare(ctx: RequestContext, generation?: number): Promise<PreparedCaller> {
    const principal = ctx.principal;
    let policies: PolicySet;
    if (generation === undefined) {
      policies = await this.loadPolicySet(principal);
    } else {
      const key = policySetKey(principal);
      policies =
        this.policySets.peek(key, generation) ??
        (await this.policySets.get(key, generation, () => this.loadPolicySet(principal)));
    }
    return {
      ctx,
      policies,
      principal: requestPrincipal(principal),
      context: callerContext({
        principal,
        region: ctx.region,
        sourceIp: ctx.sourceIp,
        secureTransport: ctx.secureTransport,
        now: this.clock.now(),
        organizationId: policies.organization?.id,
        principalTags: policies.principalTags,
      }),
    };
  }

  /**
   * Decides `action` on every resource; the first denial decides the call. `extraContext` holds the
   * operation's own condition keys (`sts:ExternalId`, `aws:RequestTag/…`).
   */
  async decide(
    caller: PreparedCaller,
    action: string,
    resources: readonly ResourceRef[],
    extraContext?: ConditionContext,
  ): Promise<AuthorizationOutcome> {
    const base = extraContext ? { ...caller.context, ...extraContext } : caller.context;
    let last: EvaluationResult | undefined;
    for (const resource of resources) {
      const facts = this.needsFacts(caller, resource) ? await this.factsFor(caller, resource) : undefined;
      const context =
        resource.account === caller.principal.account && facts === undefined
          ? base
          : withResource(base, {
              account: resource.account,
              organizationId:
                resource.account === caller.principal.account
                  ? caller.policies.organization?.id
                  : facts?.organizationId,
              tags: facts?.tags,
            });
      const request: AuthorizationRequest = {
        principal: caller.principal,
        action,
        resource: { arn: resource.arn, account: resource.account },
        context,
      };
      const rule = facts?.rule
        ? this.policyCache.getOrCompileDocument(facts.rule.kind, facts.rule.name, facts.rule.document)
        : null;
      const rcpPath = await this.resourceControls.forResource(
        { account: caller.principal.account, ownRcpPath: caller.policies.rcpPath },
        action,
        resource,
      );
      let result = evaluate(request, {
        identity: caller.policies.identity,
        scpPath: caller.policies.scpPath,
        rcpPath,
        resource: rule,
      });
      if (!isDenied(result) && facts?.ruleMustGrant && !ruleGrants(rule, request)) result = TRUST_NOT_GRANTED;
      if (isDenied(result)) return this.denied(caller, request, result, resources, facts);
      last = result;
    }
    return {
      action,
      resources: resources.map((resource) => resource.arn),
      decision: 'Allow',
      reason: (last ?? NO_RESOURCES).reason,
    };
  }

  private denied(
    caller: PreparedCaller,
    request: AuthorizationRequest,
    result: DenyResult,
    resources: readonly ResourceRef[],
    facts: ResourceFacts | undefined,
  ): AuthorizationOutcome {
    const error =
      result.reason.kind === 'resource' && facts?.ruleDenialError
        ? facts.ruleDenialError()
        : new AccessDeniedError(accessDeniedMessage(request, result));
    this.logger.debug(
      {
        requestId: caller.ctx.requestId,
        principal: request.principal.arn,
        action: request.action,
        resource: request.resource.arn,
        decision: result.decision,
        reason: result.reason,
      },
      'access denied',
    );
    return {
      action: request.action,
      resources: resources.map((resource) => resource.arn),
      decision: result.decision,
      reason: result.reason,
      error,
    };
  }

  /**
   * Whether the owner's side must be read: a role to assume always (its trust policy), a bucket or
   * object always (its bucket policy), a trail when it belongs to another account (resource rule)
   * or a policy of the caller mentions its tags.
   */
  private needsFacts(
    caller: PreparedCaller,
    resource: ResourceRef,
  ): resource is ResourceRef & { readonly kind: ResourceKind } {
    if (resource.kind === undefined) return false;
    if (resource.kind === 'assumable-role') return true;
    if (this.factsSources.get(resource.kind)?.appliesWithinAccount) return true;
    return resource.account !== caller.principal.account || caller.policies.usesResourceTags;
  }

  private async factsFor(
    caller: PreparedCaller,
    resource: ResourceRef & { readonly kind: ResourceKind },
  ): Promise<ResourceFacts> {
    const needTags = caller.policies.usesResourceTags;
    const source = this.factsSources.get(resource.kind);
    if (!source) throw new Error(`No resource facts source for ${resource.kind} resources`);
    return this.tx.read((em) =>
      source.facts(em, {
        callerAccountId: caller.principal.account,
        callerOrganizationId: caller.policies.organization?.id,
        region: caller.ctx.region,
        partition: caller.ctx.partition,
        resource,
        needTags,
      }),
    );
  }

  private async loadPolicySet(principal: Principal): Promise<PolicySet> {
    return this.tx.read(async (em) => {
      const holder = policyHolderOf(principal);
      const own = holder ? await this.identityPolicies.forHolder(em, holder.kind, holder.id) : undefined;
      const organization = await this.organizations.forAccount(em, principal.accountId);
      const identity: StoredPolicy[] = (own?.policies ?? []).map((policy) => ({
        ...policy,
        kind: 'identity',
      }));
      const scpPath = organization?.scpPath ?? [];
      const rcpPath = organization?.rcpPath ?? [];
      const documents = [...identity, ...scpPath.flat()];
      return {
        identity: identity.map((policy) => compileStored(this.policyCache, policy)),
        scpPath: compilePath(this.policyCache, scpPath),
        rcpPath: compilePath(this.policyCache, rcpPath),
        ...(organization
          ? {
              organization: {
                id: organization.organizationId,
                managementAccountId: organization.managementAccountId,
              },
            }
          : {}),
        principalTags: own?.tags ?? [],
        usesResourceTags: documents.some((policy) =>
          mentionsResourceTags(
            typeof policy.document === 'string' ? policy.document : JSON.stringify(policy.document),
          ),
        ),
      };
    });
  }
}
