import { DomainError } from '@app/platform';

/** Only the operator account's principals speak for the cloud's services. */
export class NotOperatorAccountError extends DomainError {
  constructor(principalArn: string) {
    super(
      'AccessDeniedException',
      `User: ${principalArn} is not authorized to perform: trailplane:PutServiceEvents: only principals of the operator account may submit service events.`,
    );
  }
}
