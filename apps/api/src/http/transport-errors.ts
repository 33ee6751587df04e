import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { type Socket } from 'node:net';
import { type DomainError } from '@app/platform';
import { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import { renderError } from './error-rendering';
import {
  MalformedRequestError,
  RequestHeaderFieldsTooLargeError,
  RequestTimeoutError,
} from './protocol.errors';
import { protocolOf, type ProtocolClues, signingServiceOf, type WireProtocol } from './request-facts';

/** Longest decoded path parameter the router accepts: room for a URL-encoded IAM policy ARN (path included). */
export const MAX_PATH_PARAMETER_LENGTH = 2048;

/**
 * Refusals of Fastify's router, before any hook runs (a path that is not percent-encoded UTF-8, a
 * path parameter past MAX_PATH_PARAMETER_LENGTH): rendered in the caller's protocol, with a request id.
 */
export function renderFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const rendered = renderError(error, protocolOf(request), request.id, {
    signingService: signingServiceOf(request),
  });
  void reply
    .status(rendered.status)
    .headers({ ...rendered.headers, 'x-amzn-requestid': request.id })
    .send(rendered.body);
}

/** Node sets `rawPacket` (the bytes read so far) on parse errors. */
type ClientError = Error & { code?: string; rawPacket?: unknown };

/**
 * Requests Node's HTTP parser refuses (request line and headers past the header size limit, bad
 * HTTP, a request timeout) never reach Fastify. They are answered in the protocol the request line
 * and headers read so far speak, with a request id, and the connection is closed.
 */
export function answerClientError(error: ClientError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const requestId = randomUUID();
  const rendered = renderError(clientDomainError(error), protocolOfRaw(error.rawPacket), requestId);
  const head = [
    `HTTP/1.1 ${rendered.status} ${STATUS_CODES[rendered.status] ?? ''}`,
    ...Object.entries(rendered.headers).map(([name, value]) => `${name}: ${value}`),
    `x-amzn-RequestId: ${requestId}`,
    `content-length: ${Buffer.byteLength(rendered.body)}`,
    'connection: close',
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${rendered.body}`, () => socket.destroy());
}

function clientDomainError(error: ClientError): DomainError {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return new RequestHeaderFieldsTooLargeError();
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new RequestTimeoutError();
    default:
      return new MalformedRequestError('The request is not valid HTTP/1.1.');
  }
}

/** A request line (as much of it as was read: the path is enough) and the header lines after it. */
const REQUEST_HEAD = /^([A-Z]+) ([^\s?]+)\S*(?: HTTP\/1\.[01]\r?\n([\s\S]*))?/;

/** The protocol of a request Node could not parse, from the bytes it read (REST when they do not tell). */
function protocolOfRaw(raw: unknown): WireProtocol {
  const text = Buffer.isBuffer(raw) ? raw.toString('latin1', 0, Math.min(raw.length, 64 * 1024)) : '';
  const head = REQUEST_HEAD.exec(text);
  if (!head) return 'rest';
  const headers = Object.create(null) as Record<string, string>;
  for (const line of (head[3] ?? '').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const clues: ProtocolClues = { method: head[1], url: head[2], headers };
  return protocolOf(clues);
}
