import { type ArgumentsHost, Catch, type ExceptionFilter, Inject } from '@nestjs/common';
import { LOGGER } from '@app/platform';
import { type FastifyReply } from 'fastify';
import { type Logger } from 'pino';
import { ApiCallRecording } from './api-call-recording';
import { renderError, toDomainError } from './error-rendering';
import { protocolOf, stateOf, type TrailplaneRequest } from './trailplane-request';

/** Renders every error in the caller's protocol: AWS JSON, AWS query (XML) or REST JSON. */
@Catch()
export class ProtocolErrorFilter implements ExceptionFilter {
  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly recording: ApiCallRecording,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<TrailplaneRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const rendered = renderError(exception, protocolOf(request), request.id);
    stateOf(request).errorCode = rendered.code;
    // The path only: a presigned URL's query carries its signature and session token.
    if (rendered.unexpected)
      this.logger.error({ err: exception, url: request.url.split('?', 1)[0] }, 'unexpected failure');
    this.recording.recordFailure(request, toDomainError(exception).error);
    void reply.status(rendered.status).headers(rendered.headers).send(rendered.body);
  }
}
