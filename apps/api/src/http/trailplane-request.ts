import { type AuthorizationOutcome } from '@app/iam';
import { type RequestContext } from '@app/platform';
import { type FastifyRequest } from 'fastify';
import { type OperationDescriptor } from './operation';

/** Which wire protocol a request speaks, deciding how its errors are rendered. */
export type WireProtocol = 'aws-json' | 'aws-query' | 'rest';

/** What the HTTP layer learns about a request as it passes through: raw body, operation, caller. */
export interface RequestState {
  rawBody?: Buffer;
  /** Set when the body could not be decoded; reported after authentication. */
  malformedBody?: string;
  operation?: OperationDescriptor;
  context?: RequestContext;
  /** The caller's authorization generation, read with its credentials (AuthenticationGuard). */
  authorizationGeneration?: number;
  /** What AuthorizationGuard decided (action, resources, decision and reason); set for every
   * authenticated operation, allowed or denied, before its use case runs. */
  authorization?: AuthorizationOutcome;
  /** The AWS protocol input as validated: its members typed (query members arrive as text). */
  input?: object;
  /** What the operation returned, before rendering (AWS protocol handlers render to text). */
  result?: unknown;
  /** The AWS error code the call failed with (metrics). */
  errorCode?: string;
  /** The call's event was recorded (exactly one per call). */
  recorded?: boolean;
  startedAt: bigint;
}

export type TrailplaneRequest = FastifyRequest & { state?: RequestState };

export function stateOf(request: TrailplaneRequest): RequestState {
  request.state ??= { startedAt: process.hrtime.bigint() };
  return request.state;
}

/** What decides the protocol: a routed request, or the request line and headers read off a raw socket. */
export type ProtocolClues = Pick<FastifyRequest, 'url' | 'method' | 'headers'>;

export function protocolOf(request: ProtocolClues): WireProtocol {
  const path = request.url.split('?', 1)[0];
  if (path !== '/') return 'rest';
  if (request.headers['x-amz-target'] !== undefined) return 'aws-json';
  const type = String(request.headers['content-type'] ?? '');
  return type.startsWith('application/x-www-form-urlencoded') || request.method === 'GET'
    ? 'aws-query'
    : 'aws-json';
}
