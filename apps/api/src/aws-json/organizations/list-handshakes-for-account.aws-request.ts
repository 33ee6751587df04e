import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ORGANIZATIONS_PATTERNS } from './organizations.aws-validation';
import { PageAwsRequest } from './page.aws-request';

/** The model's `HandshakeFilter` (one of its members at most, as the service requires). */
export class HandshakeFilterAwsRequest {
  @IsOptional()
  @IsIn(['INVITE', 'ENABLE_ALL_FEATURES', 'APPROVE_ALL_FEATURES', 'ADD_ORGANIZATIONS_SERVICE_LINKED_ROLE'])
  ActionType?: string;

  @IsOptional()
  @IsString()
  @MaxLength(34)
  @Matches(ORGANIZATIONS_PATTERNS.handshakeId)
  ParentHandshakeId?: string;
}

export class ListHandshakesForAccountAwsRequest extends PageAwsRequest {
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => HandshakeFilterAwsRequest)
  Filter?: HandshakeFilterAwsRequest;
}
