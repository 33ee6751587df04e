import { IsDefined, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ORGANIZATIONS_PATTERNS, OrganizationsAwsRequest } from './organizations.aws-validation';

/** `{AccountId, ServicePrincipal}`: RegisterDelegatedAdministrator, DeregisterDelegatedAdministrator. */
export class DelegatedAdministratorAwsRequest extends OrganizationsAwsRequest {
  @IsDefined()
  @IsString()
  @MaxLength(12)
  @Matches(ORGANIZATIONS_PATTERNS.accountId)
  AccountId!: string;

  @IsDefined()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  @Matches(ORGANIZATIONS_PATTERNS.servicePrincipal)
  ServicePrincipal!: string;
}
