import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = Symbol('public-route');

/** A route that needs no signature (health, metrics, docs); every other route runs an operation. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
