import { type FastifyRequest } from 'fastify';

/** Which wire protocol a request speaks, deciding how its errors are rendered. */
export type WireProtocol = 'aws-json' | 'aws-query' | 'rest' | 's3';

/**
 * What the HTTP layer learns about a request outside the operation runner: the exact body bytes
 * (SigV4 signs them) and why they could not be decoded, read by the runner; the operation, caller
 * and error code, read by the response log and metrics.
 */
export interface RequestFacts {
  readonly startedAt: bigint;
  rawBody?: Buffer;
  /** Why the request cannot be read (a body that does not decode, an unknown query parameter): reported after authentication, in the caller's protocol. */
  unreadable?: string;
  /** The IAM action of the operation the request performs (`cloudtrail:CreateTrail`). */
  operation?: string;
  accountId?: string;
  errorCode?: string;
}

const FACTS = new WeakMap<object, RequestFacts>();

export function factsOf(request: Pick<FastifyRequest, 'raw'>): RequestFacts {
  let facts = FACTS.get(request.raw);
  if (!facts) {
    facts = { startedAt: process.hrtime.bigint() };
    FACTS.set(request.raw, facts);
  }
  return facts;
}

/** What decides the protocol: a routed request, or the request line and headers read off a raw socket. */
export type ProtocolClues = Pick<FastifyRequest, 'url' | 'method' | 'headers'>;

/** The credential scope's service of an Authorization header or presigned URL, when it names one. */
const SCOPE_SERVICE =
  /Credential=[^/\s,&]+(?:\/|%2F)\d{8}(?:\/|%2F)[^/\s,&%]+(?:\/|%2F)([a-z0-9-]+)(?:\/|%2F)/i;

/** The service a request is signed for (its credential scope's), when it is signed. */
export function signingServiceOf(request: ProtocolClues): string | undefined {
  // The header first, then the query: no match spans the two (none holds white space).
  const fromHeader = SCOPE_SERVICE.exec(String(request.headers.authorization ?? ''))?.[1];
  if (fromHeader !== undefined) return fromHeader;
  const start = request.url.indexOf('?');
  if (start === -1) return undefined;
  const end = request.url.indexOf('?', start + 1);
  return SCOPE_SERVICE.exec(request.url.slice(start + 1, end === -1 ? undefined : end))?.[1];
}

export function protocolOf(request: ProtocolClues): WireProtocol {
  const path = request.url.split('?', 1)[0];
  // `v1` is no valid bucket name (3 characters at least): REST owns /v1 whatever the signature says.
  if (path.startsWith('/v1/') || path === '/v1') return 'rest';
  if (signingServiceOf(request) === 's3') return 's3';
  if (path !== '/') return 'rest';
  if (request.headers['x-amz-target'] !== undefined) return 'aws-json';
  const type = String(request.headers['content-type'] ?? '');
  return type.startsWith('application/x-www-form-urlencoded') || request.method === 'GET'
    ? 'aws-query'
    : 'aws-json';
}
