import { IsDefined, IsString, Matches, MaxLength } from 'class-validator';
import { ORGANIZATIONS_PATTERNS, OrganizationsAwsRequest } from './organizations.aws-validation';

export class DescribeCreateAccountStatusAwsRequest extends OrganizationsAwsRequest {
  @IsDefined()
  @IsString()
  @MaxLength(36)
  @Matches(ORGANIZATIONS_PATTERNS.createAccountRequestId)
  CreateAccountRequestId!: string;
}
