import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

/** Temporary credentials from GetSessionToken (or a long-term key, only while signing in). */
export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface SignedRequest {
  readonly method: string;
  readonly path: string;
  readonly query?: Record<string, string | undefined>;
  readonly body?: unknown;
  /** `s3` for the object store: S3's signing rules, path already escaped, payload not hashed. */
  readonly service?: 'trailplane' | 's3';
}

/**
 * Signs a call with SigV4 (service `trailplane`, or `s3` for the object store) in the browser and
 * sends it to this origin. The host header is signed as the browser will send it.
 */
export async function signedFetch(
  credentials: Credentials,
  region: string,
  request: SignedRequest,
): Promise<Response> {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined && value !== '') query[key] = value;
  }
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  const s3 = request.service === 's3';
  const signer = new SignatureV4({
    credentials,
    region,
    service: request.service ?? 'trailplane',
    sha256: Sha256,
    uriEscapePath: !s3,
  });
  const signed = await signer.sign({
    method: request.method,
    protocol: location.protocol,
    hostname: location.hostname,
    port: location.port ? Number(location.port) : undefined,
    path: request.path,
    query,
    headers: {
      host: location.host,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(s3 ? { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } : {}),
    },
    body,
  });
  const search = Object.keys(query)
    .sort()
    .map((key) => `${rfc3986(key)}=${rfc3986(query[key])}`)
    .join('&');
  const headers = { ...signed.headers };
  delete headers.host;
  return fetch(`${request.path}${search ? `?${search}` : ''}`, { method: request.method, headers, body });
}

/** Query encoding as SigV4 canonicalises it (spaces as %20, `!'()*` escaped). */
function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
