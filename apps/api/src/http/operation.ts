import { applyDecorators, SetMetadata } from '@nestjs/common';

/** The AWS services whose APIs Trailplane speaks, plus its own partition administration. */
export type ServiceName = 'cloudtrail' | 'organizations' | 'sts' | 'iam' | 'account' | 'trailplane';

/** What a call is, independent of transport: the AWS operation it performs. */
export interface OperationDescriptor {
  readonly service: ServiceName;
  /** The AWS operation name (`CreateTrail`), also for REST routes: it names the event and the IAM action. */
  readonly name: string;
  readonly readOnly: boolean;
}

export const OPERATION = Symbol('operation');
export const PUBLIC_ROUTE = Symbol('public-route');

/** Declares which AWS operation a REST handler performs (authentication, events, throttling use it). */
export const Operation = (
  service: ServiceName,
  name: string,
  options: { readOnly: boolean },
): MethodDecorator =>
  SetMetadata(OPERATION, { service, name, readOnly: options.readOnly } satisfies OperationDescriptor);

/** A route that needs no signature (health, docs). */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(PUBLIC_ROUTE, true));

/** SigV4 signing names accepted for each service's calls; REST also accepts `trailplane`. */
export const SIGNING_NAMES: { readonly [S in ServiceName]: readonly string[] } = {
  cloudtrail: ['cloudtrail'],
  organizations: ['organizations'],
  sts: ['sts'],
  iam: ['iam'],
  account: ['account'],
  trailplane: [],
};
