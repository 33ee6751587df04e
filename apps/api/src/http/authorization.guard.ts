import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  type AuthorizationOutcome,
  Authorizer,
  type ConditionContext,
  IamRoleRepository,
  IamUserRepository,
  type ResourceRef,
} from '@app/iam';
import { TransactionRunner } from '@app/platform';
import { OPERATION_AUTHORIZATION, type AwsInput, type RestInput } from './authorization/operation-resources';
import { ResourceScope } from './authorization/resource-scope';
import { PUBLIC_ROUTE } from './operation';
import { protocolOf, stateOf, type TrailplaneRequest } from './trailplane-request';

const UNCONDITIONAL: AuthorizationOutcome['reason'] = Object.freeze({
  kind: 'identity',
  message: 'The operation needs no permission',
});

/**
 * Runs after authentication on every route but health, metrics and docs: decides the operation's
 * IAM action (`<service>:<Operation>`) on the resources it acts on, with the caller's identity
 * policies, its account's SCPs and the owners' resource rules (iam.md). The decision is kept on the
 * request (`state.authorization`); a denial answers AccessDenied (or what the resource rule says)
 * before any use case runs. An operation without a declaration is refused (and caught at boot).
 */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authorizer: Authorizer,
    private readonly tx: TransactionRunner,
    private readonly users: IamUserRepository,
    private readonly roles: IamRoleRepository,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    if (
      this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [execution.getHandler(), execution.getClass()])
    ) {
      return true;
    }
    const request = execution.switchToHttp().getRequest<TrailplaneRequest>();
    const state = stateOf(request);
    const { context: ctx, operation } = state;
    if (!ctx || !operation) throw new Error('Authorization ran before authentication');
    const action = `${operation.service}:${operation.name}`;
    const declared = OPERATION_AUTHORIZATION[action];
    const rest = protocolOf(request) === 'rest';
    if (!declared || !(rest ? declared.rest : declared.aws)) {
      throw new Error(
        `No authorization is declared for ${action} over ${rest ? 'REST' : 'the AWS protocol'}`,
      );
    }
    if (declared.unconditional) {
      state.authorization = { action, resources: ['*'], decision: 'Allow', reason: UNCONDITIONAL };
      return true;
    }
    const caller = await this.authorizer.prepare(ctx, state.authorizationGeneration);
    const scope = new ResourceScope(
      ctx.partition,
      ctx.region,
      ctx.accountId,
      caller.policies.organization,
      (kind, name) => this.pathOf(ctx.accountId, kind, name),
    );
    let resources: ResourceRef[] = [];
    let context: ConditionContext | undefined;
    if (rest) {
      const input = restInput(request);
      if (declared.rest) resources = await declared.rest(input, scope);
      context = declared.context?.rest?.(input);
    } else {
      const input = awsInput(request);
      if (declared.aws) resources = await declared.aws(input, scope);
      context = declared.context?.aws?.(input);
    }
    const outcome = await this.authorizer.decide(caller, action, resources, context);
    state.authorization = outcome;
    if (outcome.error) throw outcome.error;
    return true;
  }

  /** A user's or role's path, part of its ARN; `/` when it does not exist (the use case then says so). */
  private async pathOf(accountId: string, kind: 'user' | 'role', name: string): Promise<string> {
    const entity = await this.tx.read((em) =>
      kind === 'user'
        ? this.users.findByName(em, accountId, name)
        : this.roles.findByName(em, accountId, name),
    );
    return entity?.path ?? '/';
  }
}

function record(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** What an AWS protocol handler reads: the body, or the query of a GET (query protocol). */
function awsInput(request: TrailplaneRequest): AwsInput {
  return record(request.method === 'GET' ? request.query : request.body);
}

function restInput(request: TrailplaneRequest): RestInput {
  return { params: record(request.params), query: record(request.query), body: record(request.body) };
}
