import { type ArgumentMetadata, type ValidationError, ValidationPipe } from '@nestjs/common';
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

/**
 * REST bodies are validated as the AWS inputs are: a JSON `null` member means "not set" (and
 * `@IsOptional()` would otherwise let it through to the use case).
 */
class RestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    return super.transform(metadata.type === 'body' ? inputMembers(value) : value, metadata);
  }
}

/** REST: unknown fields rejected, types and limits checked, one precise 400 ValidationException. */
export const restValidationPipe = new RestValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  stopAtFirstError: false,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) =>
    new DomainError('ValidationException', `Invalid request: ${describeValidationErrors(errors).join('; ')}`),
});

/** One failed constraint of an AWS input: the member's path (`Target.Id`) and class-validator's constraint name. */
export interface ValidationFailure {
  readonly path: string;
  readonly constraint: string;
}

/** Extra members a service adds to its validation error, chosen from the failures (e.g. Organizations' `Reason`). */
export type ValidationErrorFields = (
  failures: readonly ValidationFailure[],
) => Readonly<Record<string, string>>;

/** An AWS input class; it may say which extra error members its validation failures carry. */
export interface AwsInputType<T extends object> {
  new (): T;
  readonly validationErrorFields?: ValidationErrorFields;
}

/** Flattens class-validator's tree into one failure per constraint, with nested paths. */
export function validationFailures(errors: ValidationError[], parent = ''): ValidationFailure[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.keys(error.constraints ?? {}).map((constraint) => ({ path, constraint }));
    return [...own, ...validationFailures(error.children ?? [], path)];
  });
}

/**
 * AWS protocols: members the model does not know are ignored (SDKs may send newer members); type
 * and constraint violations raise the service's own validation code, with the extra members that
 * `fieldsOf` (by default the input class's `validationErrorFields`) derives from the failures.
 */
export async function validateAwsInput<T extends object>(
  type: AwsInputType<T>,
  body: unknown,
  code: ErrorCode,
  fieldsOf: ValidationErrorFields | undefined = type.validationErrorFields,
): Promise<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new DomainError('SerializationException', 'The request body must be a JSON object.');
  }
  const instance = plainToInstance(type, inputMembers(body), { excludeExtraneousValues: false });
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: false,
    // An operation without input members has an input class without constraints, which
    // class-validator would otherwise refuse as "an unknown value".
    forbidUnknownValues: false,
    stopAtFirstError: false,
  });
  if (errors.length > 0) {
    throw new DomainError(
      code,
      `Invalid request: ${describeValidationErrors(errors).join('; ')}`,
      fieldsOf?.(validationFailures(errors)) ?? {},
    );
  }
  return instance;
}

/**
 * The members of an input (AWS or REST) as validation should see them. A JSON `null` member means
 * "not set" (SDKs omit unset members), and `@IsOptional()` would let it through to the use case;
 * keys that reach prototypes (`constructor` would replace the instance's class for class-validator)
 * are no member of any input. Bodies are at most MAX_BODY_DEPTH deep (body parsing refuses deeper ones).
 */
function inputMembers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inputMembers);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, member]) => member !== null && key !== 'constructor' && key !== '__proto__')
      .map(([key, member]) => [key, inputMembers(member)]),
  );
}
