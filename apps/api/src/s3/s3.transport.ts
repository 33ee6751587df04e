import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { LOGGER } from '@app/platform';
import { InvalidArgumentError } from '@app/storage';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { type Logger } from 'pino';
import { renderError } from '../http/error-rendering';
import { factsOf } from '../http/request-facts';
import { OperationRunner } from '../operations/operation-runner';
import { awsValidationMessage, type Transport } from '../operations/transport';
import { s3RouteOf } from './s3-dispatch';
import { s3RequestOf, type S3Request } from './s3-request';
import { type S3Answer } from './s3-route';

/** How S3 calls authenticate (scope service `s3`, S3's signing rules) and answer bad input. */
const S3_TRANSPORT: Transport = {
  protocol: 's3',
  signingNames: () => ['s3'],
  strictMembers: false,
  invalidInput: (_operation, failures, wireName) =>
    new InvalidArgumentError(awsValidationMessage(failures, wireName)),
  unreadableCode: 'InvalidArgument',
};

/**
 * The object store's wire protocol (delivery.md §6.2): path-style REST-XML requests, dispatched
 * here when their SigV4 credential scope names `s3`. Each request maps to one operation, run by
 * the operation runner like every other call; answers and errors are S3's (error documents with
 * S3's codes and statuses; HEAD answers carry no body).
 */
@Injectable()
export class S3Transport {
  constructor(
    private readonly runner: OperationRunner,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    let s3: S3Request | undefined;
    try {
      s3 = s3RequestOf(request);
      const route = s3RouteOf(s3);
      const parsed = s3;
      const output = await this.runner.run({
        request,
        transport: S3_TRANSPORT,
        operation: route.operation,
        input: {},
        authenticatedInput: (signing) => route.input(parsed, signing),
      });
      await send(request, reply, route.answer(output, s3));
    } catch (error) {
      await this.fail(request, reply, error, s3?.resource);
    }
  }

  /** Answers `error` as S3 does (also for refusals before routing: bodies too large). */
  async fail(request: FastifyRequest, reply: FastifyReply, error: unknown, resource?: string): Promise<void> {
    const path = request.originalUrl.split('?', 1)[0];
    const rendered = renderError(error, 's3', request.id, { resource: resource ?? safelyDecoded(path) });
    factsOf(request).errorCode = rendered.code;
    // The path only: a presigned URL's query carries its signature and session token.
    if (rendered.unexpected) this.logger.error({ err: error, url: path }, 'unexpected failure');
    await send(request, reply, {
      status: rendered.status,
      headers: rendered.headers,
      body: rendered.body,
    });
  }
}

async function send(request: FastifyRequest, reply: FastifyReply, answer: S3Answer): Promise<void> {
  void reply.status(answer.status).headers({ ...answer.headers, 'x-amz-request-id': request.id });
  if (request.method === 'HEAD' || answer.body === undefined) return reply.send();
  if (typeof answer.body === 'string') return reply.send(answer.body);
  return reply.send(Readable.from(answer.body));
}

function safelyDecoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
