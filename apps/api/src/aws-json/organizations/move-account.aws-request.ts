import { IsDefined, IsString, Matches, MaxLength } from 'class-validator';
import { ORGANIZATIONS_PATTERNS, OrganizationsAwsRequest } from './organizations.aws-validation';

export class MoveAccountAwsRequest extends OrganizationsAwsRequest {
  @IsDefined()
  @IsString()
  @MaxLength(12)
  @Matches(ORGANIZATIONS_PATTERNS.accountId)
  AccountId!: string;

  @IsDefined()
  @IsString()
  @MaxLength(100)
  @Matches(ORGANIZATIONS_PATTERNS.parentId)
  SourceParentId!: string;

  @IsDefined()
  @IsString()
  @MaxLength(100)
  @Matches(ORGANIZATIONS_PATTERNS.parentId)
  DestinationParentId!: string;
}
