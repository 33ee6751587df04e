import { DomainError } from '../errors/domain-error';
import { type RequestContext } from './request-context';

/** Partition-wide operations (launching Regions, creating standalone accounts) are the operator's. */
export function assertPartitionOperator(ctx: RequestContext, action: string): void {
  if (!ctx.principal.isPartitionOperator) {
    throw new DomainError(
      'AccessDeniedException',
      `User: ${ctx.principal.arn} is not authorized to perform: ${action}: only the partition operator (the bootstrap account's root user) may.`,
    );
  }
}
