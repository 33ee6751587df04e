import { type FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';
import { stateOf } from './trailplane-request';

export const BODY_LIMIT_BYTES = 256 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Every body is read as bytes first (SigV4 signs the exact bytes), then decoded here: JSON for the
 * AWS JSON protocol and REST, form fields for the query protocol. Decoding never throws: a bad
 * body is remembered and reported after authentication, in the caller's protocol. The size limit
 * applies before any parsing.
 */
export function registerBodyParsing(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: BODY_LIMIT_BYTES },
    (request, raw, done) => {
      const state = stateOf(request);
      const bytes = raw as Buffer;
      state.rawBody = bytes;
      const type = String(request.headers['content-type'] ?? '').toLowerCase();
      try {
        done(null, decodeBody(bytes, type));
      } catch (error) {
        state.malformedBody = error instanceof Error ? error.message : 'unreadable body';
        done(null, undefined);
      }
    },
  );
}

function decodeBody(bytes: Buffer, contentType: string): unknown {
  const text = utf8.decode(bytes);
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (text.trim() === '') return {};
  if (contentType === '' || contentType.startsWith('application/json') || contentType.includes('amz-json')) {
    return secureJson.parse(text, undefined, { protoAction: 'remove', constructorAction: 'remove' });
  }
  throw new UnsupportedBodyError(contentType);
}

class UnsupportedBodyError extends Error {
  constructor(contentType: string) {
    super(`Unsupported content type ${JSON.stringify(contentType.slice(0, 100))}: send application/json.`);
  }
}
