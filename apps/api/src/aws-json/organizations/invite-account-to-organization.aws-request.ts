import { Type } from 'class-transformer';
import {
  IsArray,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { OrganizationsAwsRequest } from './organizations.aws-validation';
import { TagAwsRequest } from './tag.aws-request';

/** The model's `HandshakeParty`; the use case decides which party types may be invited. */
export class HandshakePartyAwsRequest {
  @IsDefined()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  Id!: string;

  @IsDefined()
  @IsIn(['ACCOUNT', 'ORGANIZATION', 'EMAIL'])
  Type!: string;
}

export class InviteAccountToOrganizationAwsRequest extends OrganizationsAwsRequest {
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => HandshakePartyAwsRequest)
  Target!: HandshakePartyAwsRequest;

  @IsOptional()
  @IsString()
  @MaxLength(1024)
  Notes?: string;

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => TagAwsRequest)
  Tags?: TagAwsRequest[];
}
