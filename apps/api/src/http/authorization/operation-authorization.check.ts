import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import {
  AWS_ACTION,
  AWS_SERVICE,
  type AwsActionOptions,
  type AwsServiceOptions,
} from '../../aws-json/aws-operation.decorator';
import { AwsProtocolController } from '../../aws-json/aws-protocol.controller';
import { OPERATION, type OperationDescriptor, PUBLIC_ROUTE } from '../operation';
import { OPERATION_AUTHORIZATION, type OperationAuthorization } from './operation-resources';

/** One operation a transport serves. */
export interface ServedOperation {
  readonly action: string;
  readonly transport: 'rest' | 'aws';
  /** Where it is declared, for the error message. */
  readonly source: string;
}

/** The served operations whose authorization is not declared for their transport. */
export function undeclaredOperations(
  served: readonly ServedOperation[],
  declarations: Readonly<Record<string, OperationAuthorization>>,
): ServedOperation[] {
  return served.filter((operation) => {
    const declared = declarations[operation.action];
    return !declared || !(operation.transport === 'rest' ? declared.rest : declared.aws);
  });
}

/**
 * Refuses to start when an operation has no authorization declaration (its resources per
 * transport in OPERATION_AUTHORIZATION), or when a REST route declares neither @Operation nor
 * @Public: nothing may reach a use case without being authorized.
 */
@Injectable()
export class OperationAuthorizationCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const { served, unlabelled } = this.servedOperations();
    const problems = [
      ...undeclaredOperations(served, OPERATION_AUTHORIZATION).map(
        (operation) =>
          `${operation.action} (${operation.transport}, ${operation.source}) declares no resources`,
      ),
      ...unlabelled.map((route) => `${route} has neither @Operation nor @Public`),
    ];
    if (problems.length > 0)
      throw new Error(`Authorization is not declared for every operation:\n- ${problems.join('\n- ')}`);
  }

  private servedOperations(): { served: ServedOperation[]; unlabelled: string[] } {
    const served: ServedOperation[] = [];
    const unlabelled: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const type = wrapper.metatype as (new (...args: never[]) => object) | null;
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!type || !instance || type === AwsProtocolController) continue;
      const classIsPublic = this.reflector.get<boolean | undefined>(PUBLIC_ROUTE, type) === true;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance) as object)) {
        const handler = instance[method] as object;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const operation = this.reflector.get<OperationDescriptor | undefined>(OPERATION, handler as never);
        if (operation) {
          served.push({
            action: `${operation.service}:${operation.name}`,
            transport: 'rest',
            source: `${type.name}.${method}`,
          });
        } else if (
          !classIsPublic &&
          this.reflector.get<boolean | undefined>(PUBLIC_ROUTE, handler as never) !== true
        ) {
          unlabelled.push(`${type.name}.${method}`);
        }
      }
    }
    for (const wrapper of this.discovery.getProviders()) {
      const type = wrapper.metatype as (new (...args: never[]) => object) | null;
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      const service = type ? this.reflector.get<AwsServiceOptions | undefined>(AWS_SERVICE, type) : undefined;
      if (!type || !instance || !service) continue;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance) as object)) {
        const handler = instance[method] as object;
        if (this.reflector.get<AwsActionOptions | undefined>(AWS_ACTION, handler as never) === undefined)
          continue;
        served.push({
          action: `${service.service}:${method}`,
          transport: 'aws',
          source: `${type.name}.${method}`,
        });
      }
    }
    return { served, unlabelled };
  }
}
