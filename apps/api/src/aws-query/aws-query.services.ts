import { type AwsQueryService } from './aws-query-service';
import { STS_AWS_QUERY } from './sts.aws-query';

/** Every service served on the AWS query protocol at `/`. */
export const AWS_QUERY_SERVICES: readonly AwsQueryService[] = [STS_AWS_QUERY];
