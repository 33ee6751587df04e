import { NotPartitionOperatorError } from './partition-operator.errors';
import { type RequestContext } from './request-context';

/** Partition-wide operations (launching Regions, creating standalone accounts) are the operator's. */
export function assertPartitionOperator(ctx: RequestContext, action: string): void {
  if (!ctx.principal.isPartitionOperator) {
    throw new NotPartitionOperatorError(ctx.principal.arn, action);
  }
}
