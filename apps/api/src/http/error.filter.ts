import { type ArgumentsHost, Catch, type ExceptionFilter, Inject } from '@nestjs/common';
import { LOGGER } from '@app/platform';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { type Logger } from 'pino';
import { renderError } from './error-rendering';
import { factsOf, protocolOf, signingServiceOf } from './request-facts';

/** Renders every error in the caller's protocol: AWS JSON, AWS query (XML), S3 (XML) or REST JSON. */
@Catch()
export class ProtocolErrorFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const rendered = renderError(exception, protocolOf(request), request.id, {
      signingService: signingServiceOf(request),
    });
    factsOf(request).errorCode = rendered.code;
    // The path only: a presigned URL's query carries its signature and session token.
    if (rendered.unexpected)
      this.logger.error({ err: exception, url: request.url.split('?', 1)[0] }, 'unexpected failure');
    void reply.status(rendered.status).headers(rendered.headers).send(rendered.body);
  }
}
