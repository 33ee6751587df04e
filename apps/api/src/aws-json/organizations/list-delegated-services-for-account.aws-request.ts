import { IsDefined, IsString, Matches, MaxLength } from 'class-validator';
import { ORGANIZATIONS_PATTERNS } from './organizations.aws-validation';
import { PageAwsRequest } from './page.aws-request';

export class ListDelegatedServicesForAccountAwsRequest extends PageAwsRequest {
  @IsDefined()
  @IsString()
  @MaxLength(12)
  @Matches(ORGANIZATIONS_PATTERNS.accountId)
  AccountId!: string;
}
