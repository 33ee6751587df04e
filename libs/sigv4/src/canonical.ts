import { hash } from 'node:crypto';

/** The only signing algorithm SigV4 (as opposed to SigV4a) defines. */
export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const SCOPE_TERMINATOR = 'aws4_request';
/** Payload hash S3-style presigned URLs use instead of hashing a body they do not know yet. */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
/** The presigned query parameter that carries the signature and is therefore not itself signed. */
export const SIGNATURE_QUERY_PARAMETER = 'X-Amz-Signature';

export function sha256Hex(data: string | Buffer): string {
  // One-shot: several times cheaper than a Hash object for the short inputs of every request.
  return hash('sha256', data, 'hex');
}

export function credentialScope(date: string, region: string, service: string): string {
  return `${date}/${region}/${service}/${SCOPE_TERMINATOR}`;
}

// ---------------------------------------------------------------------------------------------
// RFC 3986 encoding, byte by byte: SigV4 leaves only A–Z a–z 0–9 - . _ ~ literal and writes every
// other UTF-8 byte as %XY with upper-case hex. Working on bytes (not on `encodeURIComponent`)
// keeps a stray '%' or an invalid UTF-8 escape from throwing: such input simply fails to verify.

const UNRESERVED = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~')
  UNRESERVED[c.charCodeAt(0)] = 1;
const ALL_UNRESERVED = /^[A-Za-z0-9\-._~]*$/;
const HEX_DIGITS = '0123456789ABCDEF';

function encodeBytes(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    out += UNRESERVED[byte] ? String.fromCharCode(byte) : `%${HEX_DIGITS[byte >> 4]}${HEX_DIGITS[byte & 15]}`;
  }
  return out;
}

/** SigV4's URI encoding of a string's UTF-8 bytes. */
export function uriEncode(value: string): string {
  return ALL_UNRESERVED.test(value) ? value : encodeBytes(Buffer.from(value, 'utf8'));
}

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}

/**
 * Percent-decodes a query component to bytes. '+' is a space, as in the form encoding that
 * Node's and Fastify's query parsers apply: the signature then covers exactly the values the
 * application reads. (SDKs never send a literal '+'; they write %2B and %20.) A '%' that starts
 * no valid escape stays a literal '%'.
 */
function decodeQueryComponent(value: string): Buffer {
  const bytes = Buffer.from(value, 'utf8');
  if (!value.includes('%') && !value.includes('+')) return bytes;
  const out = Buffer.allocUnsafe(bytes.length);
  let length = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === 0x25 && i + 2 < bytes.length) {
      const high = hexValue(bytes[i + 1]);
      const low = hexValue(bytes[i + 2]);
      if (high >= 0 && low >= 0) {
        out[length++] = high * 16 + low;
        i += 2;
        continue;
      }
    }
    out[length++] = byte === 0x2b ? 0x20 : byte;
  }
  return out.subarray(0, length);
}

// ---------------------------------------------------------------------------------------------
// Canonical URI

/**
 * The canonical URI of every service but S3, exactly as the AWS SDKs compute it
 * (`@smithy/signature-v4` `getCanonicalPath`): drop empty and `.` segments, resolve `..`, then
 * URI-encode the path *as sent* — so an escape on the wire (`%20`) is encoded a second time
 * (`%2520`). That double encoding is AWS's documented rule for non-S3 services.
 */
export function normalizedCanonicalPath(rawPath: string): string {
  const path = rawPath === '' ? '/' : rawPath;
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const lead = path.startsWith('/') ? '/' : '';
  const trail = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return `${lead}${segments.map(uriEncode).join('/')}${trail}`;
}

/**
 * The canonical URIs a client may have signed, the SDK's first. curl up to 7.x signs the path
 * exactly as it sends it (no normalisation, no second encoding), so the raw path is the second
 * candidate — except when it contains `%25`: the SDK form of a path with an escape also contains
 * `%25`, and accepting the raw form there would let a captured SDK request for `/a%20b` be
 * replayed against `/a%2520b`, another resource. (curl users with a literal '%' in a path lose.)
 */
export function canonicalPathCandidates(rawPath: string): string[] {
  const sdk = normalizedCanonicalPath(rawPath);
  const asSent = rawPath === '' ? '/' : rawPath;
  return asSent === sdk || /%25/i.test(asSent) ? [sdk] : [sdk, asSent];
}

// ---------------------------------------------------------------------------------------------
// Canonical query string

/** One query parameter, decoded (for reading) and SigV4-encoded (for signing). */
export interface QueryParameter {
  readonly name: string;
  readonly value: string;
  readonly encodedName: string;
  readonly encodedValue: string;
}

/** Splits a raw query string (without '?'); a name without '=' has the empty value. */
export function parseQuery(rawQuery: string): QueryParameter[] {
  const parameters: QueryParameter[] = [];
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decodeQueryComponent(eq < 0 ? part : part.slice(0, eq));
    const value = decodeQueryComponent(eq < 0 ? '' : part.slice(eq + 1));
    parameters.push({
      name: name.toString('utf8'),
      value: value.toString('utf8'),
      encodedName: encodeBytes(name),
      encodedValue: encodeBytes(value),
    });
  }
  return parameters;
}

/** Parameters sorted by encoded name, then encoded value (byte order), joined as `n=v&…`. */
export function canonicalQueryString(parameters: readonly QueryParameter[], omitName?: string): string {
  return parameters
    .filter((p) => p.name !== omitName)
    .map((p): [string, string] => [p.encodedName, p.encodedValue])
    .sort(compareQueryPairs)
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

// Names first, then values: sorting whole `name=value` strings would put `a-b=1` before `a=1`
// ('-' < '='). Encoded strings are ASCII, so `<` is byte order.
function compareQueryPairs([nameA, valueA]: [string, string], [nameB, valueB]: [string, string]): number {
  if (nameA !== nameB) return nameA < nameB ? -1 : 1;
  if (valueA !== valueB) return valueA < valueB ? -1 : 1;
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Canonical headers and request

/**
 * A header's canonical value: each value trimmed with inner runs of spaces and tabs collapsed to
 * one space (`@smithy/signature-v4`'s rule), several values joined with ',' in the order sent.
 */
export function canonicalHeaderValue(value: string | readonly string[]): string {
  if (typeof value === 'string') return canonicalValue(value);
  return value.length === 1 ? canonicalValue(value[0]) : value.map(canonicalValue).join(',');
}

/** What the rewrite below would change: most values have none of it, and are kept as they are. */
const NOT_CANONICAL = /[\r\n\t]| {2}|^ | $/;

function canonicalValue(value: string): string {
  if (!NOT_CANONICAL.test(value)) return value;
  return value
    .replace(/[\r\n]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/^ | $/g, '');
}

export interface CanonicalRequestParts {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  /** `name:value` lines in signed-header order, each ending with '\n'. */
  readonly headers: string;
  readonly signedHeaders: string;
  readonly payloadHash: string;
}

export function canonicalRequest(parts: CanonicalRequestParts): string {
  return [parts.method, parts.path, parts.query, parts.headers, parts.signedHeaders, parts.payloadHash].join(
    '\n',
  );
}

export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return `${ALGORITHM}\n${amzDate}\n${scope}\n${sha256Hex(canonical)}`;
}
