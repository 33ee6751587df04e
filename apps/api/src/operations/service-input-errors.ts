import { type DomainError, type ErrorCode, type ServiceName } from '@app/platform';
import { type InputFailure } from './input-check';
import { InvalidServiceInputError } from './input.errors';
import { organizationsValidationReason } from './organizations-input-reason';
import { awsValidationMessage } from './transport';

interface ServiceInputError {
  readonly code: ErrorCode;
  /** Extra members of the error derived from the failures (Organizations' `Reason`). */
  readonly fields?: (failures: readonly InputFailure[]) => Record<string, string>;
}

/** How each service answers input that breaks its model's constraints. */
const SERVICE_INPUT_ERRORS: { readonly [S in ServiceName]: ServiceInputError } = {
  cloudtrail: { code: 'InvalidParameterException' },
  organizations: { code: 'InvalidInputException', fields: organizationsValidationReason },
  iam: { code: 'ValidationError' },
  sts: { code: 'ValidationError' },
  account: { code: 'ValidationException' },
  trailplane: { code: 'ValidationException' },
  s3: { code: 'InvalidArgument' },
};

/** The code a service answers input that breaks its model's constraints with. */
export function serviceInputCode(service: ServiceName): ErrorCode {
  return SERVICE_INPUT_ERRORS[service].code;
}

/** The service's own error for invalid input, in AWS's words, naming members as the wire does. */
export function serviceInputError(
  service: ServiceName,
  failures: readonly InputFailure[],
  wireName: (path: string) => string,
): DomainError {
  const { code, fields } = SERVICE_INPUT_ERRORS[service];
  return new InvalidServiceInputError(
    code,
    awsValidationMessage(failures, wireName),
    fields?.(failures) ?? {},
  );
}
