import { IsDefined, IsString, Matches, MaxLength } from 'class-validator';
import { ORGANIZATIONS_PATTERNS, OrganizationsAwsRequest } from './organizations.aws-validation';

export class DescribeOrganizationalUnitAwsRequest extends OrganizationsAwsRequest {
  @IsDefined()
  @IsString()
  @MaxLength(68)
  @Matches(ORGANIZATIONS_PATTERNS.organizationalUnitId)
  OrganizationalUnitId!: string;
}
