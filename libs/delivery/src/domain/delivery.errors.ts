import { DomainError } from '@app/platform/errors';

export class InvalidDeliveryTokenError extends DomainError {
  constructor() {
    super('InvalidNextTokenException', 'The NextToken is invalid or was issued for another request.');
  }
}
