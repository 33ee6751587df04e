import { type FastifyRequest } from 'fastify';
import { factsOf } from '../http/request-facts';
import { InvalidUriError } from './s3-transport.errors';

/** A path-style S3 request as the operations read it. */
export interface S3Request {
  readonly method: string;
  /** Absent for the service (`GET /`: ListBuckets). */
  readonly bucket?: string;
  /** Absent for bucket calls (`/bucket` or `/bucket/`). */
  readonly key?: string;
  readonly query: URLSearchParams;
  /** One value per header (repeats joined with `,`, as S3 reads them). */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer;
  /** What error documents name: `/bucket/key` as decoded. */
  readonly resource: string;
}

/** Where the S3 routes are mounted once the URL is rewritten (no bucket name starts with `_`). */
export const S3_ROUTE_PREFIX = '/_s3';

/**
 * The bucket and key of a path-style request, from the path as the client sent it (before the
 * routing rewrite): `/bucket/key/with/slashes`, percent-decoded once.
 */
export function s3RequestOf(request: FastifyRequest): S3Request {
  const url = request.originalUrl;
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = new URLSearchParams(queryAt === -1 ? '' : url.slice(queryAt + 1));
  const rest = path.replace(/^\/+/, '');
  const slash = rest.indexOf('/');
  const bucket = decoded(slash === -1 ? rest : rest.slice(0, slash));
  const key = slash === -1 ? '' : decoded(rest.slice(slash + 1));
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return {
    method: request.method,
    ...(bucket === '' ? {} : { bucket }),
    ...(key === '' ? {} : { key }),
    query,
    headers,
    body: factsOf(request).rawBody ?? Buffer.alloc(0),
    resource: `/${bucket}${key === '' ? '' : `/${key}`}`,
  };
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new InvalidUriError();
  }
}
