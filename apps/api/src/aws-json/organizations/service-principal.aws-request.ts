import { IsDefined, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ORGANIZATIONS_PATTERNS, OrganizationsAwsRequest } from './organizations.aws-validation';

/** `{ServicePrincipal}`: EnableAWSServiceAccess, DisableAWSServiceAccess. */
export class ServicePrincipalAwsRequest extends OrganizationsAwsRequest {
  @IsDefined()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  @Matches(ORGANIZATIONS_PATTERNS.servicePrincipal)
  ServicePrincipal!: string;
}
