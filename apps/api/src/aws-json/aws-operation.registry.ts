import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { DomainError, type RequestContext } from '@app/platform';
import { type OperationDescriptor } from '../http/operation';
import { protocolOf, type TrailplaneRequest } from '../http/trailplane-request';
import {
  AWS_ACTION,
  AWS_SERVICE,
  type AwsActionOptions,
  type AwsServiceOptions,
} from './aws-operation.decorator';

export interface AwsOperation {
  readonly descriptor: OperationDescriptor;
  readonly service: AwsServiceOptions;
  readonly input?: new () => object;
  invoke(ctx: RequestContext, input: object): Promise<unknown>;
}

class EmptyInput {}

/** Every AWS operation, found at boot from @AwsService classes, resolved per request. */
@Injectable()
export class AwsOperationRegistry implements OnModuleInit {
  private readonly byTarget = new Map<string, AwsOperation>();
  private readonly byAction = new Map<string, AwsOperation>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      const type = wrapper.metatype;
      const service = type ? this.reflector.get<AwsServiceOptions | undefined>(AWS_SERVICE, type) : undefined;
      if (!instance || !service) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const handler = instance[method] as (ctx: RequestContext, input: object) => Promise<unknown>;
        const action = this.reflector.get<AwsActionOptions | undefined>(AWS_ACTION, handler);
        if (!action) continue;
        const operation: AwsOperation = {
          descriptor: { service: service.service, name: method, readOnly: action.readOnly },
          service,
          input: action.input ?? EmptyInput,
          invoke: (ctx, input) => handler.call(instance, ctx, input),
        };
        if (service.protocol === 'query') this.byAction.set(method, operation);
        for (const prefix of service.targetPrefixes ?? [])
          this.byTarget.set(`${prefix}.${method}`, operation);
      }
    }
  }

  /** Every registered operation with the `X-Amz-Target` values (JSON) or `Action` (query) that name it. */
  operations(): { readonly operation: AwsOperation; readonly targets: readonly string[] }[] {
    const found = new Map<AwsOperation, string[]>();
    for (const [target, operation] of this.byTarget)
      found.set(operation, [...(found.get(operation) ?? []), target]);
    for (const [action, operation] of this.byAction)
      found.set(operation, [...(found.get(operation) ?? []), action]);
    return [...found].map(([operation, targets]) => ({ operation, targets }));
  }

  /** The operation a request at `POST /` names, by X-Amz-Target (JSON) or Action (query). */
  resolve(request: TrailplaneRequest): AwsOperation {
    if (protocolOf(request) === 'aws-query') {
      const action =
        (request.body as Record<string, unknown> | undefined)?.Action ?? queryAction(request.url);
      const operation = typeof action === 'string' ? this.byAction.get(action) : undefined;
      if (!operation) {
        const name = typeof action === 'string' ? action.slice(0, 200) : '';
        throw new DomainError('InvalidAction', `Could not find operation ${name}.`);
      }
      return operation;
    }
    const target = String(request.headers['x-amz-target'] ?? '');
    const operation = this.byTarget.get(target);
    if (!operation) {
      throw new DomainError(
        'UnknownOperationException',
        `Unknown operation ${JSON.stringify(target.slice(0, 200))}.`,
      );
    }
    return operation;
  }
}

function queryAction(url: string): string | null {
  const index = url.indexOf('?');
  return index === -1 ? null : new URLSearchParams(url.slice(index + 1)).get('Action');
}
