import { SetMetadata } from '@nestjs/common';
import { type ErrorCode } from '@app/platform';
import { type ServiceName } from '../http/operation';

export const AWS_SERVICE = Symbol('aws-service');
export const AWS_ACTION = Symbol('aws-action');

export interface AwsServiceOptions {
  readonly service: ServiceName;
  readonly protocol: 'json' | 'query';
  /** JSON protocol: accepted `X-Amz-Target` prefixes (text before the last '.'). */
  readonly targetPrefixes?: readonly string[];
  /** Query protocol: the XML namespace of responses. */
  readonly xmlNamespace?: string;
  /** The code this service answers input validation failures with. */
  readonly validationCode: ErrorCode;
}

export interface AwsActionOptions {
  readonly input?: new () => object;
  readonly readOnly: boolean;
}

/** A class whose methods implement one AWS service's operations, each method named after one. */
export const AwsService = (options: AwsServiceOptions): ClassDecorator => SetMetadata(AWS_SERVICE, options);

/** An AWS operation: the method name is the operation name (`CreateTrail`). */
export const AwsAction = (options: AwsActionOptions): MethodDecorator => SetMetadata(AWS_ACTION, options);
