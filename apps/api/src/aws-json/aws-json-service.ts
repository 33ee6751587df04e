import { type OperationDefinition, type ServiceName } from '@app/platform';
import { serviceInputError } from '../operations/service-input-errors';
import { type Transport } from '../operations/transport';

/** One operation on the AWS JSON 1.1 protocol: how its result is the model's output shape. */
export interface AwsJsonOperation<I extends object = object, O = unknown> {
  readonly operation: OperationDefinition<I, O>;
  output(output: O): object;
  /** The wire input as the operation's members; default: the members renamed to camelCase. */
  input?(body: Record<string, unknown>): object;
}

/** Pairs an operation with its output mapping (types inferred). */
export function awsJson<I extends object, O>(
  operation: OperationDefinition<I, O>,
  output: (output: O) => object,
  input?: (body: Record<string, unknown>) => object,
): AwsJsonOperation {
  return { operation, output, input };
}

/** An operation that answers an empty structure. */
export const EMPTY_OUTPUT = (): object => ({});

/** One AWS service on the JSON protocol and its `X-Amz-Target` prefixes. */
export interface AwsJsonService {
  readonly service: ServiceName;
  /** Accepted `X-Amz-Target` prefixes (text before the last '.'). */
  readonly targetPrefixes: readonly string[];
  readonly operations: readonly AwsJsonOperation[];
}

export function awsJsonTransport(service: AwsJsonService): Transport {
  return {
    protocol: 'aws-json',
    signingNames: () => [service.service],
    strictMembers: false,
    invalidInput: (operation, failures, wireName) => serviceInputError(operation.service, failures, wireName),
    unreadableCode: 'SerializationException',
  };
}
