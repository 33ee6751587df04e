import { DomainError } from '@app/platform';

/* What the transports answer for requests they cannot serve, before or around any operation. */

export class ServiceUnavailableError extends DomainError {
  constructor() {
    super('ServiceUnavailable', 'The service is temporarily unavailable. Please retry.');
  }
}

export class InternalFailureError extends DomainError {
  constructor(message = 'The request processing has failed.') {
    super('InternalFailure', message);
  }
}

export class RouteNotFoundError extends DomainError {
  constructor() {
    super('NotFoundException', 'No such route.');
  }
}

export class RequestEntityTooLargeError extends DomainError {
  constructor(message: string) {
    super('RequestEntityTooLargeException', message);
  }
}

export class UnsupportedMediaTypeError extends DomainError {
  constructor() {
    super('UnsupportedMediaTypeException', 'Unsupported content type.');
  }
}

export class RequestHeaderFieldsTooLargeError extends DomainError {
  constructor() {
    super('RequestHeaderFieldsTooLargeException', 'The request line and headers exceed the size limit.');
  }
}

export class RequestTimeoutError extends DomainError {
  constructor() {
    super('RequestTimeoutException', 'The request was not received in time.');
  }
}

/** A request the HTTP layer could not read (its line, path or body). */
export class MalformedRequestError extends DomainError {
  constructor(message: string) {
    super('ValidationException', message);
  }
}

/** An AWS JSON call whose X-Amz-Target names no operation we serve. */
export class UnknownOperationError extends DomainError {
  constructor(target: string) {
    super('UnknownOperationException', `Unknown operation ${JSON.stringify(target.slice(0, 200))}.`);
  }
}

/** A GET that is not an AWS query call: the AWS JSON protocol is POST only. */
export class AwsJsonNotPostError extends DomainError {
  constructor() {
    super('UnknownOperationException', 'The AWS JSON protocol is served on POST only.');
  }
}

/** An AWS query call whose Action names no operation we serve. */
export class InvalidActionError extends DomainError {
  constructor(action: string) {
    super('InvalidAction', `Could not find operation ${action.slice(0, 200)}.`);
  }
}
