import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE } from '../http/public-route';
import { REST_OPERATION } from './rest-operations';

/** The routes of `controllers` that declare neither the operation they run nor that they are public. */
export function unlabelledRoutes(
  controllers: readonly { readonly type: object; readonly instance: Record<string, unknown> }[],
  reflector: Pick<Reflector, 'get'>,
  methodsOf: (instance: object) => string[],
): string[] {
  const problems: string[] = [];
  for (const { type, instance } of controllers) {
    const classIsPublic = reflector.get<boolean | undefined>(PUBLIC_ROUTE, type as never) === true;
    if (classIsPublic) continue;
    for (const method of methodsOf(instance)) {
      const handler = instance[method] as object;
      if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
      const labelled =
        reflector.get(REST_OPERATION, handler as never) !== undefined ||
        reflector.get<boolean | undefined>(PUBLIC_ROUTE, handler as never) === true;
      if (!labelled) problems.push(`${(type as { name: string }).name}.${method}`);
    }
  }
  return problems;
}

/**
 * Refuses to start when a REST route declares neither @RestOperation nor @Public: every route
 * that is not public must run an operation, which the runner authenticates and authorizes.
 */
@Injectable()
export class RestRouteCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const controllers = this.discovery
      .getControllers()
      .filter(
        (wrapper) =>
          wrapper.metatype && wrapper.instance && wrapper.metatype.name !== 'AwsProtocolController',
      )
      .map((wrapper) => ({
        type: wrapper.metatype as object,
        instance: wrapper.instance as Record<string, unknown>,
      }));
    const problems = unlabelledRoutes(controllers, this.reflector, (instance) =>
      this.scanner.getAllMethodNames(Object.getPrototypeOf(instance) as object),
    );
    if (problems.length > 0) {
      throw new Error(`Routes without @RestOperation or @Public:\n- ${problems.join('\n- ')}`);
    }
  }
}
