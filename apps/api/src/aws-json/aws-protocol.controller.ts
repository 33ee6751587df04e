import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type OperationDefinition } from '@app/platform';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { AwsJsonNotPostError, InvalidActionError, UnknownOperationError } from '../http/protocol.errors';
import { factsOf, protocolOf } from '../http/request-facts';
import {
  type AwsQueryOperation,
  awsQueryTransport,
  type AwsQueryService,
  queryMembers,
} from '../aws-query/aws-query-service';
import { AWS_QUERY_SERVICES } from '../aws-query/aws-query.services';
import { renderQueryResponse } from '../aws-query/query-response';
import { OperationRunner } from '../operations/operation-runner';
import { type Transport } from '../operations/transport';
import { type AwsJsonOperation, awsJsonTransport } from './aws-json-service';
import { AWS_JSON_SERVICES } from './aws-json.services';
import { camelMembers } from './wire-members';

/** An operation of the AWS protocols and what names it on the wire. */
export interface ServedAwsOperation {
  readonly operation: OperationDefinition;
  readonly protocol: 'aws-json' | 'aws-query';
  readonly targets: string[];
}

interface Served<T> {
  readonly entry: T;
  readonly transport: Transport;
}

/**
 * The AWS protocol endpoint: `POST /` with `X-Amz-Target` (AWS JSON 1.1: CloudTrail, Organizations)
 * or a form `Action` (AWS query: STS and IAM, also as `GET /?Action=…`). AWS SDKs and the AWS CLI talk to
 * this route unchanged; every call goes through the operation runner.
 */
@ApiExcludeController()
@Controller()
export class AwsProtocolController {
  private readonly targets = new Map<string, Served<AwsJsonOperation>>();
  private readonly actions = new Map<string, Served<AwsQueryOperation> & { service: AwsQueryService }>();

  constructor(private readonly runner: OperationRunner) {
    for (const service of AWS_JSON_SERVICES) {
      const transport = awsJsonTransport(service);
      for (const entry of service.operations)
        for (const prefix of service.targetPrefixes)
          this.targets.set(`${prefix}.${entry.operation.name}`, { entry, transport });
    }
    for (const service of AWS_QUERY_SERVICES) {
      const transport = awsQueryTransport(service);
      for (const entry of service.operations) {
        // The signature's service must match the one the action belongs to (the transport checks it).
        if (this.actions.has(entry.operation.name))
          throw new Error(`Two query services serve Action=${entry.operation.name}`);
        this.actions.set(entry.operation.name, { entry, transport, service });
      }
    }
  }

  /** Every operation served here, with the `X-Amz-Target` values (JSON) or `Action` (query) naming it. */
  operations(): ServedAwsOperation[] {
    const byOperation = new Map<OperationDefinition, ServedAwsOperation>();
    const add = (
      operation: OperationDefinition,
      protocol: ServedAwsOperation['protocol'],
      target: string,
    ): void => {
      const served = byOperation.get(operation) ?? { operation, protocol, targets: [] };
      served.targets.push(target);
      byOperation.set(operation, served);
    };
    for (const [target, { entry }] of this.targets) add(entry.operation, 'aws-json', target);
    for (const [action, { entry }] of this.actions) add(entry.operation, 'aws-query', action);
    return [...byOperation.values()];
  }

  @Post('/')
  @HttpCode(200)
  async post(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return protocolOf(request) === 'aws-query'
      ? this.query(request, reply, request.body)
      : this.json(request, reply);
  }

  /** The query protocol's GET form; the JSON protocol is served on POST only. */
  @Get('/')
  @HttpCode(200)
  async get(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    if (protocolOf(request) !== 'aws-query') {
      throw new AwsJsonNotPostError();
    }
    return this.query(request, reply, request.query);
  }

  private async json(request: FastifyRequest, reply: FastifyReply): Promise<string> {
    const target = String(request.headers['x-amz-target'] ?? '');
    const served = this.targets.get(target);
    if (!served) {
      throw new UnknownOperationError(target);
    }
    const body = request.body ?? {};
    if (typeof body !== 'object' || Array.isArray(body)) {
      factsOf(request).unreadable ??= 'The request body must be a JSON object.';
    }
    const { entry, transport } = served;
    const wire = camelMembers(isRecord(body) ? body : {});
    const input = entry.input ? entry.input(isRecord(body) ? body : {}) : wire.members;
    const output = await this.runner.run({
      request,
      transport,
      operation: entry.operation,
      input,
      wireName: wire.wireName,
    });
    void reply.header('content-type', 'application/x-amz-json-1.1');
    return JSON.stringify(entry.output(output));
  }

  private async query(request: FastifyRequest, reply: FastifyReply, fields: unknown): Promise<string> {
    const form = isRecord(fields) ? fields : {};
    const action = form.Action;
    const served = typeof action === 'string' ? this.actions.get(action) : undefined;
    if (!served) {
      throw new InvalidActionError(typeof action === 'string' ? action : '');
    }
    const { entry, transport, service } = served;
    const wire = queryMembers(withoutAuthentication(form));
    const output = await this.runner.run({
      request,
      transport,
      operation: entry.operation,
      input: entry.input ? entry.input(wire.members) : wire.members,
      wireName: wire.wireName,
    });
    void reply.header('content-type', 'text/xml');
    return renderQueryResponse(entry.operation.name, service.xmlNamespace, entry.output(output), request.id);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

/**
 * A presigned URL's `X-Amz-*` fields authenticate the request, they are not its members: the
 * session token is a secret, and the signature lets anyone replay the URL until it expires.
 */
function withoutAuthentication(form: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(form).filter(([key]) => !/^x-amz-/i.test(key)));
}
