import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { type ApiCall, EventRecorder } from '@app/events';
import { type AuthenticatedCaller, Authenticator } from '@app/identity';
import { Authorizer } from '@app/iam';
import {
  actionOf,
  Clock,
  DomainError,
  EnvSchema,
  type OperationDefinition,
  type OperationScope,
  parseThrottleRates,
  RateLimiter,
  rateOf,
  type RequestContext,
  requestScope,
  type ResourceRef,
  ThrottledError,
  type ThrottleRates,
  TransactionRunner,
} from '@app/platform';
import { type FastifyRequest } from 'fastify';
import { type EntityManager } from 'typeorm';
import { urlProblem } from '../http/body-parsing';
import { InternalFailureError } from '../http/protocol.errors';
import { factsOf } from '../http/request-facts';
import { type CheckedInput, checkInput, plainInput } from './input-check';
import { UnreadableRequestError } from './input.errors';
import { type Transport } from './transport';

/** One call of an operation as a transport received it. */
export interface OperationCall<I extends object, O> {
  readonly request: FastifyRequest;
  readonly transport: Transport;
  readonly operation: OperationDefinition<I, O>;
  /** The wire input mapped to the operation's member names (not validated yet). */
  readonly input: object;
  /**
   * Maps the wire input once the caller is authenticated, instead of `input` (an S3 streaming
   * upload's chunks are signed with the caller's key); its refusals are the call's.
   */
  readonly authenticatedInput?: (signing: AuthenticatedCaller['signing']) => object;
  /** How the wire spells a member path of the input (for error messages); default: as is. */
  readonly wireName?: (path: string) => string;
}

/** The resources a call was authorized on, and its caller's organization (both recorded). */
interface Authorized {
  readonly resources: readonly ResourceRef[];
  readonly organizationId: string | null;
}

/** What a call ended with: the event records it. */
interface CallOutcome<O> {
  readonly output?: O;
  readonly error?: DomainError;
}

/**
 * Runs every operation of every transport the same way: authenticate → validate → authorize on the
 * input → throttle → report invalid input → run the use case (writes in one transaction with their
 * event) → record the event. Authorization comes before invalid input is reported, as AWS orders
 * its answers: a caller who may not call an operation learns nothing about its inputs.
 */
@Injectable()
export class OperationRunner {
  private readonly rates: ThrottleRates;
  private readonly throttling: boolean;

  constructor(
    private readonly authenticator: Authenticator,
    private readonly authorizer: Authorizer,
    private readonly limiter: RateLimiter,
    private readonly tx: TransactionRunner,
    private readonly recorder: EventRecorder,
    private readonly modules: ModuleRef,
    private readonly clock: Clock,
    private readonly env: EnvSchema,
  ) {
    this.throttling = env.TRAILPLANE_THROTTLING === 'on';
    this.rates = parseThrottleRates(env.TRAILPLANE_THROTTLE_RATES);
  }

  async run<I extends object, O>(call: OperationCall<I, O>): Promise<O> {
    const { request, transport, operation } = call;
    const facts = factsOf(request);
    facts.operation = `${operation.service}:${operation.name}`;
    const { ctx, signing } = await this.authenticate(call);
    facts.accountId = ctx.accountId;
    let input: I | undefined;
    let wireInput = call.input;
    let named: Authorized = { resources: [], organizationId: null };
    try {
      this.assertReadable(call);
      if (call.authenticatedInput) wireInput = call.authenticatedInput(signing);
      const checked = await this.validate(operation, wireInput, transport.strictMembers);
      input = checked.input;
      named = await this.authorize(ctx, call, input);
      await this.throttle(ctx, operation);
      if (checked.failures.length > 0) {
        throw transport.invalidInput(operation, checked.failures, call.wireName ?? ((path) => path));
      }
      const useCase = this.modules.get(operation.useCase, { strict: false });
      if (operation.readOnly || operation.transaction === 'own') {
        const output = await operation.run(useCase, ctx, checked.input);
        this.recorder.recordLater(this.apiCall(ctx, call, checked.input, named, { output }));
        return output;
      }
      // A deadlock's victim (or a serialization failure) rolled back whole, event included: the
      // call runs again rather than answering a retryable error for what the caller did right.
      return await this.tx.runRetrying(async (em: EntityManager) => {
        const output = await operation.run(useCase, ctx, checked.input);
        await this.recorder.recordWithChange(em, this.apiCall(ctx, call, checked.input, named, { output }));
        return output;
      });
    } catch (error) {
      // Failures that are not the caller's (a database outage) are recorded with the code answered.
      const failure = error instanceof DomainError ? error : undefined;
      this.recorder.recordLater(
        this.apiCall(ctx, call, input ?? wireInput, named, {
          error: failure ?? new InternalFailureError(),
        }),
      );
      throw error;
    }
  }

  /** Types and limits of the input (a seam of its own: benchmarks weigh it against none). */
  validate<I extends object>(
    operation: OperationDefinition<I>,
    input: object,
    strict: boolean,
  ): Promise<CheckedInput<I>> {
    return checkInput(operation.input, input, strict);
  }

  private async authenticate(
    call: OperationCall<object, unknown>,
  ): Promise<{ ctx: RequestContext; signing: AuthenticatedCaller['signing'] }> {
    const { request } = call;
    requestScope.enterWith({ requestId: request.id });
    // The URL as the client signed it (the S3 transport's routing rewrites `request.url`).
    const [rawPath, rawQuery = ''] = splitUrl(request.originalUrl);
    const caller = await this.authenticator.authenticate(
      {
        method: request.method,
        rawPath,
        rawQuery,
        headers: request.raw.headersDistinct,
        body: factsOf(request).rawBody ?? Buffer.alloc(0),
      },
      call.transport.signingNames(call.operation.service),
    );
    const ctx: RequestContext = {
      requestId: request.id,
      principal: caller.principal,
      accountId: caller.principal.accountId,
      region: caller.region,
      partition: this.env.TRAILPLANE_PARTITION,
      sourceIp: request.ip,
      userAgent: String(request.headers['user-agent'] ?? '').slice(0, 1024),
      receivedAt: this.clock.now(),
      secureTransport: request.protocol === 'https',
      authorizationGeneration: caller.authorizationGeneration,
    };
    requestScope.enterWith({ requestId: request.id, context: ctx });
    return { ctx, signing: caller.signing };
  }

  /** A body or URL that could not be decoded is reported once the caller is known. */
  private assertReadable(call: OperationCall<object, unknown>): void {
    const { unreadable } = factsOf(call.request);
    if (unreadable !== undefined) throw new UnreadableRequestError(call.transport.unreadableCode, unreadable);
    const badUrl = urlProblem(call.request.params, call.request.query);
    if (badUrl !== undefined) {
      throw new UnreadableRequestError(
        call.transport.unreadableCode,
        `The request URL is not valid: ${badUrl}`,
      );
    }
  }

  /** Decides the operation's action on the resources its input names; returns them (for the event). */
  private async authorize<I extends object>(
    ctx: RequestContext,
    call: OperationCall<I, unknown>,
    input: I,
  ): Promise<Authorized> {
    const { operation } = call;
    const caller = await this.authorizer.prepare(ctx, ctx.authorizationGeneration);
    const scope: OperationScope = {
      partition: ctx.partition,
      region: ctx.region,
      accountId: ctx.accountId,
      organization: caller.policies.organization,
      read: (work) => this.tx.read(work),
      resolve: (type) => this.modules.get(type, { strict: false }),
    };
    const resources = operation.resources
      ? await operation.resources(input, scope)
      : [{ arn: '*', account: ctx.accountId }];
    const authorized = { resources, organizationId: caller.policies.organization?.id ?? null };
    if (operation.unconditional) return authorized;
    const outcome = await this.authorizer.decide(
      caller,
      actionOf(operation),
      resources,
      operation.conditions?.(input),
    );
    if (outcome.error) throw outcome.error;
    for (const dependent of operation.dependentActions?.(input, scope) ?? []) {
      const decided = await this.authorizer.decide(caller, dependent.action, dependent.resources);
      if (decided.error) throw decided.error;
    }
    return authorized;
  }

  private async throttle(ctx: RequestContext, operation: OperationDefinition): Promise<void> {
    if (!this.throttling) return;
    const rate = rateOf(operation.service, operation.name, this.rates);
    if (rate === undefined) return;
    const decision = await this.limiter.consume(
      `${ctx.accountId}:${ctx.region}:${operation.service}:${operation.name}`,
      rate,
    );
    if (!decision.allowed) throw new ThrottledError(operation.service, operation.name, decision.retryAfterMs);
  }

  private apiCall<I extends object, O>(
    ctx: RequestContext,
    call: OperationCall<I, O>,
    input: object,
    authorized: Authorized,
    outcome: CallOutcome<O>,
  ): ApiCall {
    const { operation, request } = call;
    return {
      eventId: randomUUID(),
      requestId: ctx.requestId,
      eventTime: ctx.receivedAt,
      service: operation.service,
      operation: operation.name,
      readOnly: operation.readOnly,
      principal: ctx.principal,
      region: ctx.region,
      sourceIp: ctx.sourceIp,
      userAgent: ctx.userAgent,
      secureTransport: ctx.secureTransport,
      host: request.headers.host,
      requestParameters: requestParametersOf(operation, input),
      response:
        outcome.output !== undefined && operation.responseElements
          ? operation.responseElements(outcome.output)
          : null,
      resources: eventResourcesOf(operation, outcome, authorized.resources),
      category: operation.eventCategory ?? 'Management',
      organizationId: authorized.organizationId,
      error: outcome.error ? { code: outcome.error.code, message: outcome.error.message } : undefined,
    };
  }
}

function requestParametersOf(operation: OperationDefinition, input: object): Record<string, unknown> | null {
  try {
    if (operation.requestParameters) return operation.requestParameters(input);
  } catch {
    // An input that failed validation may not have the shape the mapping expects.
  }
  const plain = plainInput(input);
  return Object.keys(plain).length > 0 ? plain : null;
}

function eventResourcesOf<O>(
  operation: OperationDefinition<object, O>,
  outcome: CallOutcome<O>,
  authorized: readonly ResourceRef[],
): ApiCall['resources'] {
  if (operation.eventResources === 'none') return [];
  const named =
    outcome.output !== undefined && operation.resourcesOf
      ? operation.resourcesOf(outcome.output, authorized)
      : authorized;
  return namedResources(named);
}

function namedResources(resources: readonly ResourceRef[]): ApiCall['resources'] {
  return resources
    .filter((resource) => resource.arn !== '*')
    .map((resource) => ({ arn: resource.arn, accountId: resource.account }));
}

function splitUrl(url: string): [string, string?] {
  const index = url.indexOf('?');
  return index === -1 ? [url] : [url.slice(0, index), url.slice(index + 1)];
}
