import { Type } from 'class-transformer';
import {
  IsArray,
  IsDefined,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ORGANIZATIONS_PATTERNS, OrganizationsAwsRequest } from './organizations.aws-validation';
import { TagAwsRequest } from './tag.aws-request';

export class CreateOrganizationalUnitAwsRequest extends OrganizationsAwsRequest {
  @IsDefined()
  @IsString()
  @MaxLength(100)
  @Matches(ORGANIZATIONS_PATTERNS.parentId)
  ParentId!: string;

  @IsDefined()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  Name!: string;

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => TagAwsRequest)
  Tags?: TagAwsRequest[];
}
