import { type RequestContext } from '@app/platform';
import { assertTrailArnInRegion, parseTrailArn } from '../domain/trail-arn';
import { NotAnArnError } from '../domain/trail.errors';

/**
 * Tag operations name trails by ARN only, in the called Region (decision 10); a well-formed ARN
 * the caller cannot see is `ResourceNotFoundException` (raised by the lookup's caller).
 */
export function trailArnForTagging(ctx: RequestContext, resourceId: string): string {
  if (!resourceId.startsWith('arn:')) {
    throw new NotAnArnError(resourceId);
  }
  const arn = parseTrailArn(resourceId, ctx.partition);
  assertTrailArnInRegion(arn, ctx.region);
  return arn.arn;
}
