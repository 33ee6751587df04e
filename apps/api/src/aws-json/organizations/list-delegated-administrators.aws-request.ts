import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ORGANIZATIONS_PATTERNS } from './organizations.aws-validation';
import { PageAwsRequest } from './page.aws-request';

export class ListDelegatedAdministratorsAwsRequest extends PageAwsRequest {
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  @Matches(ORGANIZATIONS_PATTERNS.servicePrincipal)
  ServicePrincipal?: string;
}
