import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Authenticator } from '@app/identity';
import { Clock, DomainError, EnvSchema, requestScope, type RequestContext } from '@app/platform';
import { AwsOperationRegistry } from '../aws-json/aws-operation.registry';
import { urlProblem } from './body-parsing';
import { OPERATION, type OperationDescriptor, PUBLIC_ROUTE, SIGNING_NAMES } from './operation';
import { protocolOf, stateOf, type TrailplaneRequest } from './trailplane-request';

/**
 * Runs first on every route: decides which AWS operation the request performs, verifies its SigV4
 * signature and builds the RequestContext use cases receive. Only health and docs are public.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly awsOperations: AwsOperationRegistry,
    private readonly env: EnvSchema,
    private readonly clock: Clock,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const request = execution.switchToHttp().getRequest<TrailplaneRequest>();
    const state = stateOf(request);
    requestScope.enterWith({ requestId: request.id });
    if (
      this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [execution.getHandler(), execution.getClass()])
    ) {
      return true;
    }
    const protocol = protocolOf(request);
    const restOperation = this.reflector.get<OperationDescriptor | undefined>(
      OPERATION,
      execution.getHandler(),
    );
    const operation = restOperation ?? this.awsOperations.resolve(request).descriptor;
    state.operation = operation;
    const signingNames =
      protocol === 'rest'
        ? ['trailplane', ...SIGNING_NAMES[operation.service]]
        : SIGNING_NAMES[operation.service];
    const [rawPath, rawQuery = ''] = splitUrl(request.url);
    const caller = await this.authenticator.authenticate(
      {
        method: request.method,
        rawPath,
        rawQuery,
        headers: request.raw.headersDistinct,
        body: state.rawBody ?? Buffer.alloc(0),
      },
      signingNames,
    );
    const context: RequestContext = {
      requestId: request.id,
      principal: caller.principal,
      accountId: caller.principal.accountId,
      region: caller.region,
      partition: this.env.TRAILPLANE_PARTITION,
      sourceIp: request.ip,
      userAgent: String(request.headers['user-agent'] ?? '').slice(0, 1024),
      receivedAt: this.clock.now(),
      secureTransport: request.protocol === 'https',
    };
    state.context = context;
    state.authorizationGeneration = caller.authorizationGeneration;
    requestScope.enterWith({ requestId: request.id, context });
    if (state.malformedBody !== undefined) {
      throw new DomainError(
        protocol === 'aws-json' ? 'SerializationException' : 'ValidationException',
        `The request body is not valid: ${state.malformedBody}`,
      );
    }
    const badUrl = urlProblem(request.params, request.query);
    if (badUrl !== undefined) {
      throw new DomainError(
        protocol === 'aws-json' ? 'SerializationException' : 'ValidationException',
        `The request URL is not valid: ${badUrl}`,
      );
    }
    return true;
  }
}

function splitUrl(url: string): [string, string?] {
  const index = url.indexOf('?');
  return index === -1 ? [url] : [url.slice(0, index), url.slice(index + 1)];
}
