import { IsDefined, IsString, Matches, MaxLength } from 'class-validator';
import { ORGANIZATIONS_PATTERNS } from './organizations.aws-validation';
import { PageAwsRequest } from './page.aws-request';

export class ListParentsAwsRequest extends PageAwsRequest {
  @IsDefined()
  @IsString()
  @MaxLength(100)
  @Matches(ORGANIZATIONS_PATTERNS.childId)
  ChildId!: string;
}
