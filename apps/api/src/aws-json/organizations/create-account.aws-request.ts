import { Type } from 'class-transformer';
import {
  IsArray,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { type IamUserAccessToBilling } from '@app/organizations';
import { ORGANIZATIONS_PATTERNS, OrganizationsAwsRequest } from './organizations.aws-validation';
import { TagAwsRequest } from './tag.aws-request';

export class CreateAccountAwsRequest extends OrganizationsAwsRequest {
  @IsDefined()
  @IsString()
  @MinLength(6)
  @MaxLength(64)
  @Matches(ORGANIZATIONS_PATTERNS.email)
  Email!: string;

  @IsDefined()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  @Matches(ORGANIZATIONS_PATTERNS.accountName)
  AccountName!: string;

  /** Its pattern is checked by the use case, which answers the model's INVALID_ROLE_NAME. */
  @IsOptional()
  @IsString()
  RoleName?: string;

  @IsOptional()
  @IsIn(['ALLOW', 'DENY'])
  IamUserAccessToBilling?: IamUserAccessToBilling;

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => TagAwsRequest)
  Tags?: TagAwsRequest[];
}
