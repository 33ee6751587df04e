import { parseAmzDate } from './amz-date';
import {
  ALGORITHM,
  parseQuery,
  type QueryParameter,
  SCOPE_TERMINATOR,
  SIGNATURE_QUERY_PARAMETER,
} from './canonical';
import { type IncomingSignedRequest, type ParsedSignature } from './signed-request';
import {
  IncompleteSignatureError,
  InvalidSignatureError,
  MissingAuthenticationTokenError,
  UnsignedHeadersError,
} from './sigv4.errors';

export interface ParseOptions {
  /** Signing names the endpoint answers to (e.g. `['cloudtrail']`); when given, others are refused. */
  readonly expectedServices?: readonly string[];
}

/** Longest presigned URL lifetime SigV4 allows: seven days. */
export const MAX_PRESIGNED_EXPIRES_SECONDS = 604_800;

const PRESIGNED_PARAMETERS = [
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  SIGNATURE_QUERY_PARAMETER,
  'X-Amz-Date',
  'X-Amz-SignedHeaders',
  'X-Amz-Expires',
] as const;
/** Any of these in the query makes the request a presigned one (X-Amz-Date alone does not). */
const PRESIGNED_MARKERS: readonly string[] = [
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  SIGNATURE_QUERY_PARAMETER,
  'X-Amz-SignedHeaders',
];
const SIGNATURE = /^[0-9a-f]{64}$/;

/**
 * Reads the SigV4 signature of a request — the Authorization header or, for a presigned URL, the
 * `X-Amz-*` query parameters — and checks everything that needs no secret and no clock: its
 * form, the credential scope (date equal to X-Amz-Date's, `aws4_request` terminator, and the
 * service when `expectedServices` is given), and that `host`, every `x-amz-*` header and the
 * content type of a request with a body are signed.
 *
 * @throws MissingAuthenticationTokenError when the request carries no signature at all.
 * @throws IncompleteSignatureError when the signature is malformed or incomplete.
 * @throws InvalidSignatureError when the credential is scoped to a service not expected.
 */
export function parseSignedRequest(
  request: IncomingSignedRequest,
  options: ParseOptions = {},
): ParsedSignature {
  const authorization = singleHeader(request, 'authorization');
  const query = parseQuery(request.rawQuery);
  const presigned = query.some((p) => PRESIGNED_MARKERS.includes(p.name));
  const hasAuthorization = authorization !== undefined && authorization.trim() !== '';
  if (hasAuthorization && presigned) {
    throw new IncompleteSignatureError(
      'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified.',
    );
  }
  let parsed: ParsedSignature;
  if (presigned) parsed = parsePresignedQuery(query);
  else if (hasAuthorization) parsed = parseAuthorizationHeader(request, authorization);
  else throw new MissingAuthenticationTokenError();

  assertHeadersSigned(request, parsed);
  const { expectedServices } = options;
  if (expectedServices && !expectedServices.includes(parsed.service)) {
    const expected = expectedServices.map((s) => `'${s}'`).join(' or ');
    throw new InvalidSignatureError(`Credential should be scoped to correct service: ${expected}.`);
  }
  return parsed;
}

/**
 * Headers whose value the signature covers another way: the session token is checked against its
 * credential, the payload hash against the body (and it is the canonical request's last line).
 */
const SELF_CHECKED_HEADERS = new Set(['x-amz-security-token', 'x-amz-content-sha256']);

/**
 * Every `x-amz-*` header sent (the operation's `X-Amz-Target` first) and the `content-type` of a
 * request with a body must be among the signed headers; S3, like AWS's, leaves content-type to the
 * signer (a presigned upload rarely signs it). A presigned URL's own `X-Amz-Date` is in its query;
 * a header of that name changes nothing.
 */
function assertHeadersSigned(request: IncomingSignedRequest, parsed: ParsedSignature): void {
  const signed = new Set(parsed.signedHeaders.map((name) => name.toLowerCase()));
  const unsigned = Object.keys(request.headers).filter((name) => {
    const header = name.toLowerCase();
    if (signed.has(header) || request.headers[name] === undefined || SELF_CHECKED_HEADERS.has(header))
      return false;
    if (parsed.presigned && header === 'x-amz-date') return false;
    return (
      header.startsWith('x-amz-') ||
      (header === 'content-type' && request.body.length > 0 && parsed.service !== 's3')
    );
  });
  if (unsigned.length > 0) throw new UnsignedHeadersError(unsigned.map((name) => name.toLowerCase()).sort());
}

function parseAuthorizationHeader(request: IncomingSignedRequest, authorization: string): ParsedSignature {
  const header = authorization.trim();
  const space = header.search(/\s/);
  const algorithm = space < 0 ? header : header.slice(0, space);
  if (algorithm !== ALGORITHM) {
    throw new IncompleteSignatureError(`Unsupported AWS 'algorithm': ${quoted(algorithm)}.`);
  }
  const fields = new Map<string, string>();
  for (const part of header.slice(space + 1).split(',')) {
    const item = part.trim();
    const eq = item.indexOf('=');
    if (eq < 0) {
      throw new IncompleteSignatureError(
        'Invalid key=value pair (missing equal-sign) in Authorization header.',
      );
    }
    const key = item.slice(0, eq).trim();
    if (!['Credential', 'SignedHeaders', 'Signature'].includes(key) || fields.has(key)) {
      throw new IncompleteSignatureError(`Invalid or repeated key ${quoted(key)} in Authorization header.`);
    }
    fields.set(key, item.slice(eq + 1).trim());
  }

  const amzDate = singleHeader(request, 'x-amz-date');
  const problems = [
    ...['Credential', 'SignedHeaders', 'Signature']
      .filter((key) => !fields.get(key))
      .map((key) => `Authorization header requires '${key}' parameter.`),
    ...(amzDate === undefined ? ["Authorization header requires existence of a 'X-Amz-Date' header."] : []),
  ];
  if (problems.length > 0) throw new IncompleteSignatureError(problems.join(' '));

  const requestTime = requestTimeFrom(amzDate as string);
  const signedHeaders = signedHeaderList(fields.get('SignedHeaders') as string);
  if (!signedHeaders.some((name) => name.toLowerCase() === 'x-amz-date')) {
    throw new IncompleteSignatureError("'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.");
  }
  return {
    ...credentialFrom(fields.get('Credential') as string, amzDate as string),
    signedHeaders,
    signature: signatureFrom(fields.get('Signature') as string),
    requestTime,
    securityToken: singleHeader(request, 'x-amz-security-token'),
    presigned: false,
  };
}

function parsePresignedQuery(query: readonly QueryParameter[]): ParsedSignature {
  const value = (name: string): string | undefined => {
    const matches = query.filter((p) => p.name === name);
    if (matches.length > 1)
      throw new IncompleteSignatureError(`Query-string parameter '${name}' appears more than once.`);
    return matches[0]?.value;
  };
  const [algorithm, credential, signature, amzDate, signedHeaders, expires] = PRESIGNED_PARAMETERS.map(value);
  if (!algorithm || !credential || !signature || !amzDate || !signedHeaders || !expires) {
    throw new IncompleteSignatureError(
      `AWS query-string parameters must include ${PRESIGNED_PARAMETERS.map((p) => `'${p}'`).join(', ')}. Re-examine the query-string parameters.`,
    );
  }
  if (algorithm !== ALGORITHM) {
    throw new IncompleteSignatureError(`X-Amz-Algorithm only supports '${ALGORITHM}'.`);
  }
  const requestTime = requestTimeFrom(amzDate);
  const expiresSeconds = /^\d{1,7}$/.test(expires) ? Number(expires) : Number.NaN;
  if (!(expiresSeconds >= 1)) {
    throw new IncompleteSignatureError('X-Amz-Expires must be a positive integer number of seconds.');
  }
  if (expiresSeconds > MAX_PRESIGNED_EXPIRES_SECONDS) {
    throw new IncompleteSignatureError(
      `X-Amz-Expires must be less than a week (in seconds) that is ${MAX_PRESIGNED_EXPIRES_SECONDS}.`,
    );
  }
  return {
    ...credentialFrom(credential, amzDate),
    signedHeaders: signedHeaderList(signedHeaders),
    signature: signatureFrom(signature),
    requestTime,
    securityToken: value('X-Amz-Security-Token'),
    presigned: true,
    expiresAt: new Date(requestTime.getTime() + expiresSeconds * 1000),
  };
}

function credentialFrom(
  credential: string,
  amzDate: string,
): Pick<ParsedSignature, 'accessKeyId' | 'scopeDate' | 'region' | 'service'> {
  const parts = credential.split('/');
  const [accessKeyId, scopeDate, region, service, terminator] = parts;
  if (parts.length !== 5 || !accessKeyId || !scopeDate || !region || !service || !terminator) {
    throw new IncompleteSignatureError(
      'Credential is malformed; expecting "<AccessKeyId>/<YYYYMMDD>/<Region>/<Service>/aws4_request".',
    );
  }
  if (terminator !== SCOPE_TERMINATOR) {
    throw new IncompleteSignatureError(
      `Credential should be scoped with a valid terminator: '${SCOPE_TERMINATOR}', not ${quoted(terminator)}.`,
    );
  }
  if (scopeDate !== amzDate.slice(0, 8)) {
    throw new IncompleteSignatureError(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: ${quoted(scopeDate)} != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );
  }
  return { accessKeyId, scopeDate, region, service };
}

function signedHeaderList(value: string): string[] {
  const names = value.split(';');
  if (names.some((name) => !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name))) {
    throw new IncompleteSignatureError('SignedHeaders must be a semicolon-separated list of header names.');
  }
  if (!names.some((name) => name.toLowerCase() === 'host')) {
    throw new IncompleteSignatureError(
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    );
  }
  return names;
}

function signatureFrom(value: string): string {
  if (!SIGNATURE.test(value))
    throw new IncompleteSignatureError('Signature must be 64 lower-case hexadecimal digits.');
  return value;
}

function requestTimeFrom(amzDate: string): Date {
  const time = parseAmzDate(amzDate);
  if (!time) {
    throw new IncompleteSignatureError(
      `X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'".`,
    );
  }
  return time;
}

function singleHeader(request: IncomingSignedRequest, name: string): string | undefined {
  const value = request.headers[name];
  if (value === undefined || typeof value === 'string') return value;
  if (value.length > 1) throw new IncompleteSignatureError(`Header '${name}' must be sent at most once.`);
  return value[0];
}

/** Echoes a client-supplied token in a message only when it is short and plain. */
function quoted(value: string): string {
  return /^[\w.-]{1,64}$/.test(value) ? `'${value}'` : 'the value sent';
}
