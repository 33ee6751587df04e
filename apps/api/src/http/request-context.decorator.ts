import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type RequestContext } from '@app/platform';
import { stateOf, type TrailplaneRequest } from './trailplane-request';

/** The authenticated caller of this request (set by AuthenticationGuard). */
export const Ctx = createParamDecorator((_: unknown, execution: ExecutionContext): RequestContext => {
  const context = stateOf(execution.switchToHttp().getRequest<TrailplaneRequest>()).context;
  if (!context) throw new Error('Ctx used on a route without authentication');
  return context;
});
