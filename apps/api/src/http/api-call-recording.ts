import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type ApiCall, EventRecorder } from '@app/events';
import { type DomainError } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { camelKeys } from './key-case';
import { protocolOf, stateOf, type TrailplaneRequest } from './trailplane-request';

/**
 * Turns an authenticated request and its outcome into the call's CloudTrail event: exactly one
 * per call, written with the change for successful writes, buffered otherwise.
 */
@Injectable()
export class ApiCallRecording {
  constructor(private readonly recorder: EventRecorder) {}

  /** A successful write: recorded in its own transaction, before the commit. */
  async recordChange(em: EntityManager, request: TrailplaneRequest, response: unknown): Promise<void> {
    const call = this.callOf(request, { response });
    if (call) await this.recorder.recordWithChange(em, call);
  }

  recordRead(request: TrailplaneRequest, response: unknown): void {
    const call = this.callOf(request, { response });
    if (call) this.recorder.recordLater(call);
  }

  recordFailure(request: TrailplaneRequest, error: DomainError): void {
    const call = this.callOf(request, { error: { code: error.code, message: error.message } });
    if (call) this.recorder.recordLater(call);
  }

  private callOf(
    request: TrailplaneRequest,
    outcome: { response?: unknown; error?: ApiCall['error'] },
  ): ApiCall | undefined {
    const state = stateOf(request);
    const { context: ctx, operation } = state;
    // Unauthenticated calls belong to no account: there is no one to record them for.
    if (!ctx || !operation || state.recorded) return undefined;
    state.recorded = true;
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
      requestParameters: requestParametersOf(request),
      response: responseElementsOf(request, state.result ?? outcome.response),
      error: outcome.error,
    };
  }
}

/** What the call returned, in camelCase like its parameters (AWS protocols answer in PascalCase). */
function responseElementsOf(request: TrailplaneRequest, response: unknown): unknown {
  return protocolOf(request) === 'rest' ? response : camelKeys(response);
}

/** The call's parameters in camelCase, whichever protocol carried them. */
function requestParametersOf(request: TrailplaneRequest): Record<string, unknown> | null {
  const body = isObject(request.body) ? request.body : {};
  const protocol = protocolOf(request);
  if (protocol === 'aws-json') return camelKeys<Record<string, unknown>>(body);
  if (protocol === 'aws-query') {
    // Query members arrive as text; once validated they are typed (`DurationSeconds: 900`), as AWS records them.
    const { input } = stateOf(request);
    const { Action: _action, Version: _version, ...parameters } = isObject(input) ? input : body;
    return camelKeys<Record<string, unknown>>(parameters);
  }
  const parameters = {
    ...(isObject(request.params) ? request.params : {}),
    ...(isObject(request.query) ? withoutQueryAuthentication(request.query) : {}),
    ...body,
  };
  return Object.keys(parameters).length > 0 ? parameters : null;
}

/**
 * A presigned URL's `X-Amz-*` members authenticate the request, they are not its parameters: the
 * session token is a secret, and the signature lets anyone replay the URL until it expires.
 */
function withoutQueryAuthentication(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([key]) => !/^x-amz-/i.test(key)));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}
