import { IsDefined, IsString, Matches, MaxLength } from 'class-validator';
import { ORGANIZATIONS_PATTERNS } from './organizations.aws-validation';
import { PageAwsRequest } from './page.aws-request';

/** `{ParentId, NextToken, MaxResults}`: ListAccountsForParent, ListOrganizationalUnitsForParent. */
export class ParentPageAwsRequest extends PageAwsRequest {
  @IsDefined()
  @IsString()
  @MaxLength(100)
  @Matches(ORGANIZATIONS_PATTERNS.parentId)
  ParentId!: string;
}
