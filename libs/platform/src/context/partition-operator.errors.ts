import { DomainError } from '../errors/domain-error';

export class NotPartitionOperatorError extends DomainError {
  constructor(principalArn: string, action: string) {
    super(
      'AccessDeniedException',
      `User: ${principalArn} is not authorized to perform: ${action}: only the partition operator (the bootstrap account's root user) may.`,
    );
  }
}
