import { type IncomingMessage } from 'node:http';
import { EntityTooLargeError, isStreamingPayload, MAX_OBJECT_SIZE } from '@app/storage';
import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { protocolOf, type ProtocolClues } from '../http/request-facts';
import { isObjectUpload } from './s3-dispatch';
import { S3_ROUTE_PREFIX } from './s3-request';
import { MaxMessageLengthExceededError } from './s3-transport.errors';
import { type S3Transport } from './s3.transport';

/** S3's documents (DeleteObjects of 1000 keys of up to 1 KiB, bucket policies …) stay below this. */
export const S3_DOCUMENT_LIMIT_BYTES = 2 * 1024 * 1024;
/** An object and the framing of an aws-chunked upload of it (chunk headers, signatures, trailers). */
const S3_UPLOAD_LIMIT_BYTES = MAX_OBJECT_SIZE + 4 * 1024 * 1024;

/**
 * Sends requests signed for `s3` to the S3 routes, whatever their path (`/` is ListBuckets there,
 * not the AWS protocols' endpoint): used as Fastify's `rewriteUrl`. `request.originalUrl` keeps
 * the path the client signed.
 */
export function rewriteS3Url(raw: IncomingMessage): string {
  const url = raw.url ?? '/';
  const clues = { url, method: raw.method ?? 'GET', headers: raw.headers } as ProtocolClues;
  return protocolOf(clues) === 's3' ? `${S3_ROUTE_PREFIX}${url.startsWith('/') ? '' : '/'}${url}` : url;
}

/**
 * The S3 routes, on Fastify itself: their body limit is PutObject's (64 MiB), beyond the other
 * transports' 256 KiB, and they answer every refusal as S3 does.
 */
export function registerS3Routes(fastify: FastifyInstance, transport: () => S3Transport): void {
  fastify.route({
    method: ['GET', 'HEAD', 'PUT', 'POST', 'DELETE'],
    url: `${S3_ROUTE_PREFIX}/*`,
    bodyLimit: S3_UPLOAD_LIMIT_BYTES,
    exposeHeadRoute: false,
    preParsing: (request, _reply, payload, done) => {
      try {
        assertBodyWithinLimit(request);
        done(null, payload);
      } catch (error) {
        done(error as Error);
      }
    },
    errorHandler: (error, request, reply) => {
      const tooLarge = (error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE';
      void transport().fail(request, reply, tooLarge ? tooLargeError(request) : error);
    },
    handler: (request, reply) => transport().handle(request, reply),
  });
}

/** Refuses, before reading it, a body longer than the call takes. */
function assertBodyWithinLimit(request: FastifyRequest): void {
  const length = Number(request.headers['content-length'] ?? 0);
  if (!isUpload(request)) {
    if (length > S3_DOCUMENT_LIMIT_BYTES) throw new MaxMessageLengthExceededError();
    return;
  }
  const streaming = isStreamingPayload(headerOf(request, 'x-amz-content-sha256'));
  const declared = streaming ? Number(headerOf(request, 'x-amz-decoded-content-length') ?? 0) : length;
  if (declared > MAX_OBJECT_SIZE || length > S3_UPLOAD_LIMIT_BYTES) {
    throw new EntityTooLargeError(declared, MAX_OBJECT_SIZE);
  }
}

function tooLargeError(request: FastifyRequest): Error {
  return isUpload(request)
    ? new EntityTooLargeError(Number(request.headers['content-length'] ?? 0), MAX_OBJECT_SIZE)
    : new MaxMessageLengthExceededError();
}

function isUpload(request: FastifyRequest): boolean {
  const path = request.url.slice(S3_ROUTE_PREFIX.length).split('?', 1)[0];
  const key = path.replace(/^\/+/, '').split('/').slice(1).join('/');
  return isObjectUpload({ method: request.method, ...(key === '' ? {} : { key }) });
}

function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
