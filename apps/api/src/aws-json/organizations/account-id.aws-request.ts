import { IsDefined, IsString, Matches, MaxLength } from 'class-validator';
import { ORGANIZATIONS_PATTERNS, OrganizationsAwsRequest } from './organizations.aws-validation';

/** `{AccountId}`: DescribeAccount, RemoveAccountFromOrganization. */
export class AccountIdAwsRequest extends OrganizationsAwsRequest {
  @IsDefined()
  @IsString()
  @MaxLength(12)
  @Matches(ORGANIZATIONS_PATTERNS.accountId)
  AccountId!: string;
}
