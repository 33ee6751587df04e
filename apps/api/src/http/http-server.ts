import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { type Clock, type Env, logsToTerminal, Metrics, PinoNestLogger } from '@app/platform';
import { type Logger } from 'pino';
import { ApiModule } from '../api.module';
import { registerS3Routes, rewriteS3Url } from '../s3/s3-routes';
import { S3Transport } from '../s3/s3.transport';
import { registerBodyParsing, SERVICE_EVENTS_BODY_LIMIT_BYTES } from './body-parsing';
import { serveConsole } from './console-files';
import { buildOpenApiDocument } from './openapi';
import { factsOf } from './request-facts';
import { answerClientError, MAX_PATH_PARAMETER_LENGTH, renderFrameworkError } from './transport-errors';

export interface ApiApplicationOptions {
  clock?: Clock;
}

/**
 * Builds the API on Fastify: request ids, raw-body capture for SigV4, the body limit before any
 * parsing, protocol-shaped errors for failures Fastify raises before Nest, OpenAPI at /docs, the
 * object store's S3 routes (requests signed for `s3`, whatever their path) and the web console at
 * /console/.
 */
export async function createApiApplication(
  env: Env,
  logger: Logger,
  options: ApiApplicationOptions = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    // The largest route limit; each route's own is applied once the body is read (body-parsing.ts).
    bodyLimit: SERVICE_EVENTS_BODY_LIMIT_BYTES,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: false,
    logger: false,
    return503OnClosing: true,
    // Keep-alive connections with no request in flight are closed at shutdown instead of waited for.
    forceCloseConnections: 'idle',
    routerOptions: { maxParamLength: MAX_PATH_PARAMETER_LENGTH },
    rewriteUrl: rewriteS3Url,
    frameworkErrors: renderFrameworkError,
    clientErrorHandler: answerClientError,
  });
  const fastify = adapter.getInstance();
  // Resolved once the Nest container exists; hooks only run after that.
  const resolved: { metrics?: Metrics } = {};
  // A line per request feeds a log collector, but would bury an interactive console.
  const requestLogLevel = logsToTerminal() ? 'debug' : 'info';
  registerBodyParsing(fastify);
  // At shutdown, answers to requests still in flight end their keep-alive connections, so the
  // server can close without waiting out idle keep-alive sockets.
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    const sweep = setInterval(() => fastify.server.closeIdleConnections(), 100);
    sweep.unref();
    done();
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) void reply.header('connection', 'close');
    done(null, payload);
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    factsOf(request);
    void reply.header('x-amzn-requestid', request.id);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const facts = factsOf(request);
    const metrics = resolved.metrics;
    const operation = facts.operation;
    if (operation && metrics) {
      const errorCode = facts.errorCode ?? '';
      metrics.requests.inc({
        operation,
        outcome: reply.statusCode < 400 ? 'success' : 'error',
        error_code: errorCode,
      });
      metrics.requestDuration.observe({ operation }, Number(process.hrtime.bigint() - facts.startedAt) / 1e9);
      if (errorCode.startsWith('AccessDenied')) metrics.authorizationDenials.inc({ operation });
    }
    // The line's fields are only gathered when it is written (benchmarks and tests run silent).
    if (!logger.isLevelEnabled(requestLogLevel)) return done();
    logger[requestLogLevel](
      {
        requestId: request.id,
        method: request.method,
        url: request.url.split('?', 1)[0],
        operation,
        account: facts.accountId,
        status: reply.statusCode,
        ms: Number(process.hrtime.bigint() - facts.startedAt) / 1e6,
      },
      'request',
    );
    done();
  });

  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot(env, logger, options.clock),
    adapter,
    {
      bodyParser: false,
      abortOnError: false,
      logger: new PinoNestLogger(logger.child({ component: 'nest' })),
    },
  );
  resolved.metrics = app.get(Metrics);
  const s3 = app.get(S3Transport);
  registerS3Routes(fastify, () => s3);
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document);
  await serveConsole(app);
  await app.init();
  return app;
}
