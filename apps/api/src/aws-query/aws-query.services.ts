import { type AwsQueryService } from './aws-query-service';
import { IAM_AWS_QUERY } from './iam.aws-query';
import { STS_AWS_QUERY } from './sts.aws-query';

/** Every service served on the AWS query protocol at `/` (their `Action` names are distinct). */
export const AWS_QUERY_SERVICES: readonly AwsQueryService[] = [STS_AWS_QUERY, IAM_AWS_QUERY];
