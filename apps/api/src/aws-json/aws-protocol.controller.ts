import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { Ctx } from '../http/request-context.decorator';
import { stateOf, type TrailplaneRequest } from '../http/trailplane-request';
import { validateAwsInput } from '../http/validation';
import { type RequestContext } from '@app/platform';
import { AwsOperationRegistry } from './aws-operation.registry';
import { renderQueryResponse } from './query-response';

/**
 * The AWS protocol endpoint: `POST /` with `X-Amz-Target` (AWS JSON 1.1: CloudTrail, Organizations)
 * or a form `Action` (AWS query: STS). AWS SDKs and the AWS CLI talk to this route unchanged.
 */
@ApiExcludeController()
@Controller()
export class AwsProtocolController {
  constructor(private readonly registry: AwsOperationRegistry) {}

  @Post('/')
  @HttpCode(200)
  async post(
    @Req() request: TrailplaneRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Ctx() ctx: RequestContext,
  ): Promise<string> {
    return this.dispatch(request, reply, ctx, request.body);
  }

  @Get('/')
  @HttpCode(200)
  async get(
    @Req() request: TrailplaneRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Ctx() ctx: RequestContext,
  ): Promise<string> {
    return this.dispatch(request, reply, ctx, request.query);
  }

  private async dispatch(
    request: TrailplaneRequest,
    reply: FastifyReply,
    ctx: RequestContext,
    body: unknown,
  ): Promise<string> {
    const operation = this.registry.resolve(request);
    const input = operation.input
      ? await validateAwsInput(operation.input, body ?? {}, operation.service.validationCode)
      : {};
    stateOf(request).input = input;
    const output = await operation.invoke(ctx, input);
    stateOf(request).result = output;
    if (operation.service.protocol === 'query') {
      void reply.header('content-type', 'text/xml');
      return renderQueryResponse(
        operation.descriptor.name,
        operation.service.xmlNamespace ?? '',
        output as Record<string, unknown>,
        ctx.requestId,
      );
    }
    void reply.header('content-type', 'application/x-amz-json-1.1');
    return JSON.stringify(output ?? {});
  }
}
