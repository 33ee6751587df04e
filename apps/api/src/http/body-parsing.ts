import { type FastifyInstance, type FastifyRequest } from 'fastify';
import secureJson from 'secure-json-parse';
import { factsOf, protocolOf } from './request-facts';

export const BODY_LIMIT_BYTES = 256 * 1024;
/** PutServiceEvents carries up to 500 records of other services: its request may reach 1 MB. */
export const SERVICE_EVENTS_BODY_LIMIT_BYTES = 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Every body is read as bytes first (SigV4 signs the exact bytes), then decoded here: JSON for the
 * AWS JSON protocol and REST, form fields for the query protocol; S3's stay bytes. Decoding never throws: a bad
 * body is remembered and reported after authentication, in the caller's protocol. The size limit
 * applies before any parsing.
 */
export function registerBodyParsing(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: SERVICE_EVENTS_BODY_LIMIT_BYTES },
    (request, raw, done) => {
      const facts = factsOf(request);
      const bytes = raw as Buffer;
      // Objects are bytes, and S3's documents are read by the object store's own parsers. The S3
      // routes have their own limits (64 MiB uploads, 2 MiB documents: s3-routes.ts).
      if (protocolOf(request) === 's3') {
        facts.rawBody = bytes;
        return done(null, bytes);
      }
      const limit = bodyLimitOf(request);
      if (bytes.length > limit) {
        done(bodyTooLarge(limit), undefined);
        return;
      }
      facts.rawBody = bytes;
      const type = String(request.headers['content-type'] ?? '').toLowerCase();
      try {
        done(null, decodeBody(bytes, type, protocolOf(request) === 'aws-query'));
      } catch (error) {
        facts.unreadable = `The request body is not valid: ${error instanceof Error ? error.message : 'unreadable body'}`;
        done(null, undefined);
      }
    },
  );
}

/** The body limit of the request's route: 256 KB, but 1 MB for PutServiceEvents (REST or AWS JSON). */
export function bodyLimitOf(request: FastifyRequest): number {
  const path = request.url.split('?')[0];
  const target = String(request.headers['x-amz-target'] ?? '');
  return path === '/v1/service-events' || (path === '/' && target.endsWith('.PutServiceEvents'))
    ? SERVICE_EVENTS_BODY_LIMIT_BYTES
    : BODY_LIMIT_BYTES;
}

/** Fastify's own error for a body over the limit, so that it is answered the same way (413). */
function bodyTooLarge(limit: number): Error {
  return Object.assign(new Error(`The request body exceeds the ${limit}-byte limit.`), {
    code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    statusCode: 413,
  });
}

/** Deeper than any input shape of ours (policy documents included); code that walks a body may recurse. */
export const MAX_BODY_DEPTH = 64;

/** Keys no input has and that reach prototypes when objects are copied or transformed. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor']);

/** Form fields are the query protocol's input only (STS, IAM at `/` without `X-Amz-Target`). */
function decodeBody(bytes: Buffer, contentType: string, formAllowed: boolean): unknown {
  const text = utf8.decode(bytes);
  if (contentType.startsWith('application/x-www-form-urlencoded') && formAllowed) {
    const fields = [...new URLSearchParams(text)].filter(([name]) => !PROTOTYPE_KEYS.has(name));
    return checked(Object.fromEntries(fields));
  }
  if (text.trim() === '') return {};
  if (contentType === '' || contentType.startsWith('application/json') || contentType.includes('amz-json')) {
    assertNestingWithin(text, MAX_BODY_DEPTH);
    return checked(secureJson.parse(text, undefined, { protoAction: 'remove', constructorAction: 'remove' }));
  }
  throw new UnsupportedBodyError(contentType);
}

const UNSTORABLE = 'Strings must be well-formed Unicode without U+0000.';
const LONE_SURROGATE = /\p{Surrogate}/u;

/** Whether PostgreSQL can store `value` as text and in jsonb. */
export function storable(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

/**
 * Why the decoded URL (path parameters, query names and values) cannot be served, if it cannot:
 * `%00` decodes to U+0000, which no lookup or record may carry.
 */
export function urlProblem(params: unknown, query: unknown): string | undefined {
  for (const part of [params, query]) {
    if (typeof part !== 'object' || part === null) continue;
    for (const [name, value] of Object.entries(part as Record<string, unknown>)) {
      const values: unknown[] = Array.isArray(value) ? value : [value];
      if (!storable(name) || values.some((v) => typeof v === 'string' && !storable(v))) return UNSTORABLE;
    }
  }
  return undefined;
}

/** Refuses JSON nested deeper than `limit` before parsing it (a linear scan outside strings). */
function assertNestingWithin(text: string, limit: number): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      // A backslash escapes the next character.
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) throw new Error(`JSON nested deeper than ${limit} levels.`);
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
}

/**
 * Walks a decoded body (iteratively): drops `constructor` keys (`__proto__` is already gone) and
 * refuses strings PostgreSQL cannot store (in text, or in the events' jsonb): U+0000 and lone
 * surrogates (`"\ud800"` is valid JSON text but no Unicode string).
 */
function checked(body: unknown): unknown {
  const pending: unknown[] = [body];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (!storable(value)) throw new Error(UNSTORABLE);
    } else if (Array.isArray(value)) {
      for (const item of value as unknown[]) pending.push(item);
    } else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        if (!storable(key)) throw new Error(UNSTORABLE);
        if (PROTOTYPE_KEYS.has(key)) delete record[key];
        else pending.push(record[key]);
      }
    }
  }
  return body;
}

class UnsupportedBodyError extends Error {
  constructor(contentType: string) {
    super(`Unsupported content type ${JSON.stringify(contentType.slice(0, 100))}: send application/json.`);
  }
}
