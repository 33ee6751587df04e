import { type AwsJsonService } from './aws-json-service';
import { CLOUDTRAIL_AWS_JSON } from './cloudtrail/cloudtrail.aws-json';
import { ORGANIZATIONS_AWS_JSON } from './organizations/organizations.aws-json';
import { TRAILPLANE_AWS_JSON } from './trailplane/trailplane.aws-json';

/** Every service served on the AWS JSON 1.1 protocol at `POST /`. */
export const AWS_JSON_SERVICES: readonly AwsJsonService[] = [
  CLOUDTRAIL_AWS_JSON,
  ORGANIZATIONS_AWS_JSON,
  TRAILPLANE_AWS_JSON,
];
