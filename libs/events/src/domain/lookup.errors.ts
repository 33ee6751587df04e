import { DomainError } from '@app/platform/errors';

/* LookupEvents' refusals (cloudtrail.md §2.15), with CloudTrail's codes. */

export class InvalidLookupAttributesError extends DomainError {
  constructor(message: string) {
    super('InvalidLookupAttributesException', message);
  }
}

export class InvalidEventCategoryError extends DomainError {
  constructor(category: string) {
    super(
      'InvalidEventCategoryException',
      `Invalid EventCategory ${category}. The only valid value is insight.`,
    );
  }
}

export class InvalidMaxResultsError extends DomainError {
  constructor() {
    super('InvalidMaxResultsException', 'MaxResults must be an integer from 1 to 50.');
  }
}

export class InvalidLookupTimeRangeError extends DomainError {
  constructor(message: string) {
    super('InvalidTimeRangeException', message);
  }
}

export class InvalidNextTokenError extends DomainError {
  constructor() {
    super(
      'InvalidNextTokenException',
      'The NextToken is invalid: it was altered, or issued for a query with other parameters.',
    );
  }
}
