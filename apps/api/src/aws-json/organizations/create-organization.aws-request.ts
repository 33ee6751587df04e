import { IsIn, IsOptional } from 'class-validator';
import { FEATURE_SETS, type FeatureSet } from '@app/organizations';
import { OrganizationsAwsRequest } from './organizations.aws-validation';

export class CreateOrganizationAwsRequest extends OrganizationsAwsRequest {
  @IsOptional()
  @IsIn(FEATURE_SETS)
  FeatureSet?: FeatureSet;
}
