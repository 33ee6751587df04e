import { formatAmzDate } from './amz-date';
import {
  ALGORITHM,
  canonicalHeaderValue,
  canonicalQueryString,
  canonicalRequest,
  credentialScope,
  normalizedCanonicalPath,
  parseQuery,
  sha256Hex,
  SIGNATURE_QUERY_PARAMETER,
  stringToSign,
  uriEncode,
} from './canonical';
import { MAX_PRESIGNED_EXPIRES_SECONDS } from './parse-signed-request';
import { deriveSigningKey, hmacSha256 } from './signing-key';

/** Credentials and scope of a client-side signature. */
export interface SigningCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly region: string;
  readonly service: string;
  /** The signing time (X-Amz-Date). */
  readonly now: Date;
}

export interface SignRequestInput extends SigningCredentials {
  readonly method: string;
  /** Absolute URL; its path and query are signed as they will be sent. */
  readonly url: string | URL;
  /** Headers the request will carry; every one is signed. `host` defaults to the URL's. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  /** Also send and sign `x-amz-content-sha256` (the body's hash), as S3 clients do. */
  readonly signPayloadHash?: boolean;
}

/**
 * Signs a request the way the AWS SDKs do (Authorization header form) and returns the headers to
 * add to it: `authorization`, `x-amz-date`, and `x-amz-security-token` / `x-amz-content-sha256`
 * when applicable. Send them together with `input.headers`, the same body, to the same URL.
 */
export function signRequest(input: SignRequestInput): Record<string, string> {
  const url = new URL(input.url);
  const amzDate = formatAmzDate(input.now);
  const body = input.body ?? '';
  const payloadHash = sha256Hex(body);
  const added: Record<string, string> = { 'x-amz-date': amzDate };
  if (input.sessionToken !== undefined) added['x-amz-security-token'] = input.sessionToken;
  if (input.signPayloadHash) added['x-amz-content-sha256'] = payloadHash;

  const headers = signableHeaders(url, { ...input.headers, ...added });
  const signedHeaders = Object.keys(headers).sort();
  const canonical = canonicalRequest({
    method: input.method.toUpperCase(),
    path: normalizedCanonicalPath(url.pathname),
    query: canonicalQueryString(parseQuery(url.search.slice(1))),
    headers: signedHeaders.map((name) => `${name}:${canonicalHeaderValue(headers[name])}\n`).join(''),
    signedHeaders: signedHeaders.join(';'),
    payloadHash,
  });
  const signature = sign(input, amzDate, canonical);
  return {
    authorization: `${ALGORITHM} Credential=${input.accessKeyId}/${credentialScope(amzDate.slice(0, 8), input.region, input.service)}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`,
    ...added,
  };
}

export interface PresignUrlInput extends SigningCredentials {
  /** Default GET. */
  readonly method?: string;
  readonly url: string | URL;
  /** Headers the request will carry that should be signed; `host` is always signed. */
  readonly headers?: Readonly<Record<string, string>>;
  /** 1 to 604800 seconds; default 3600, as the AWS SDKs. */
  readonly expiresInSeconds?: number;
}

/**
 * Presigns a URL the way `@smithy/signature-v4`'s `presign` does for non-S3 services: the
 * signature goes into `X-Amz-*` query parameters, and the payload hash is that of an empty body.
 */
export function presignUrl(input: PresignUrlInput): string {
  const expires = input.expiresInSeconds ?? 3600;
  if (!Number.isInteger(expires) || expires < 1 || expires > MAX_PRESIGNED_EXPIRES_SECONDS) {
    throw new RangeError(`expiresInSeconds must be an integer from 1 to ${MAX_PRESIGNED_EXPIRES_SECONDS}`);
  }
  const url = new URL(input.url);
  const amzDate = formatAmzDate(input.now);
  const headers = signableHeaders(url, input.headers ?? {});
  const signedHeaders = Object.keys(headers).sort();
  const authParameters: Array<[string, string]> = [
    ['X-Amz-Algorithm', ALGORITHM],
    [
      'X-Amz-Credential',
      `${input.accessKeyId}/${credentialScope(amzDate.slice(0, 8), input.region, input.service)}`,
    ],
    ['X-Amz-Date', amzDate],
    ['X-Amz-Expires', String(expires)],
    ['X-Amz-SignedHeaders', signedHeaders.join(';')],
    ...(input.sessionToken === undefined
      ? []
      : [['X-Amz-Security-Token', input.sessionToken] as [string, string]]),
  ];
  const query = [url.search.slice(1), ...authParameters.map(([name, value]) => `${name}=${uriEncode(value)}`)]
    .filter((part) => part !== '')
    .join('&');
  const canonical = canonicalRequest({
    method: (input.method ?? 'GET').toUpperCase(),
    path: normalizedCanonicalPath(url.pathname),
    query: canonicalQueryString(parseQuery(query)),
    headers: signedHeaders.map((name) => `${name}:${canonicalHeaderValue(headers[name])}\n`).join(''),
    signedHeaders: signedHeaders.join(';'),
    payloadHash: sha256Hex(''),
  });
  url.search = `${query}&${SIGNATURE_QUERY_PARAMETER}=${sign(input, amzDate, canonical)}`;
  return url.toString();
}

function signableHeaders(url: URL, headers: Readonly<Record<string, string>>): Record<string, string> {
  const lower: Record<string, string> = { host: url.host };
  for (const [name, value] of Object.entries(headers)) lower[name.toLowerCase()] = value;
  return lower;
}

function sign(credentials: SigningCredentials, amzDate: string, canonical: string): string {
  const date = amzDate.slice(0, 8);
  const key = deriveSigningKey(credentials.secretAccessKey, date, credentials.region, credentials.service);
  const scope = credentialScope(date, credentials.region, credentials.service);
  return hmacSha256(key, stringToSign(amzDate, scope, canonical)).toString('hex');
}
