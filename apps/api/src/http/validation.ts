import { type ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, type ErrorCode } from '@app/platform';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

/** Flattens class-validator's tree into `field: problem` lines naming nested paths. */
export function describeValidationErrors(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(error.property)
        ? `${path}${message.slice(error.property.length)}`
        : `${path}: ${message}`,
    );
    return [...own, ...describeValidationErrors(error.children ?? [], path)];
  });
}

/** REST: unknown fields rejected, types and limits checked, one precise 400 ValidationException. */
export const restValidationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  stopAtFirstError: false,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) =>
    new DomainError('ValidationException', `Invalid request: ${describeValidationErrors(errors).join('; ')}`),
});

/**
 * AWS protocols: members the model does not know are ignored (SDKs may send newer members); type
 * and constraint violations raise the service's own validation code.
 */
export async function validateAwsInput<T extends object>(
  type: new () => T,
  body: unknown,
  code: ErrorCode,
): Promise<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new DomainError('SerializationException', 'The request body must be a JSON object.');
  }
  const instance = plainToInstance(type, body, { excludeExtraneousValues: false });
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: false,
    stopAtFirstError: false,
  });
  if (errors.length > 0) {
    throw new DomainError(code, `Invalid request: ${describeValidationErrors(errors).join('; ')}`);
  }
  return instance;
}
