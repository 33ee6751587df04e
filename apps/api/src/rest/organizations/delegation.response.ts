import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type DelegatedAdministrator,
  type DelegatedService,
  type EnabledServicePrincipal,
  type Page,
} from '@app/organizations';
import { AccountResponse, toAccountResponse } from './account.response';
import { nextTokenOf } from './organization.response';

export class EnabledServicePrincipalResponse {
  @ApiProperty({ example: 'cloudtrail.amazonaws.com' }) servicePrincipal!: string;
  @ApiProperty({ format: 'date-time' }) dateEnabled!: string;
}

export class EnabledServicePrincipalListResponse {
  @ApiProperty({ type: [EnabledServicePrincipalResponse] })
  enabledServicePrincipals!: EnabledServicePrincipalResponse[];
  @ApiPropertyOptional() nextToken?: string;
}

export class DelegatedAdministratorResponse extends AccountResponse {
  @ApiProperty({ format: 'date-time' }) delegationEnabledDate!: string;
}

export class DelegatedAdministratorListResponse {
  @ApiProperty({ type: [DelegatedAdministratorResponse] })
  delegatedAdministrators!: DelegatedAdministratorResponse[];
  @ApiPropertyOptional() nextToken?: string;
}

export class DelegatedServiceResponse {
  @ApiProperty({ example: 'cloudtrail.amazonaws.com' }) servicePrincipal!: string;
  @ApiProperty({ format: 'date-time' }) delegationEnabledDate!: string;
}

export class DelegatedServiceListResponse {
  @ApiProperty({ type: [DelegatedServiceResponse] }) delegatedServices!: DelegatedServiceResponse[];
  @ApiPropertyOptional() nextToken?: string;
}

export function toEnabledServicePrincipalListResponse(
  page: Page<EnabledServicePrincipal>,
): EnabledServicePrincipalListResponse {
  return {
    enabledServicePrincipals: page.items.map((enabled) => ({
      servicePrincipal: enabled.servicePrincipal,
      dateEnabled: enabled.dateEnabled.toISOString(),
    })),
    ...nextTokenOf(page),
  };
}

export function toDelegatedAdministratorListResponse(
  page: Page<DelegatedAdministrator>,
): DelegatedAdministratorListResponse {
  return {
    delegatedAdministrators: page.items.map((admin) => ({
      ...toAccountResponse(admin),
      delegationEnabledDate: admin.delegationEnabledDate.toISOString(),
    })),
    ...nextTokenOf(page),
  };
}

export function toDelegatedServiceListResponse(page: Page<DelegatedService>): DelegatedServiceListResponse {
  return {
    delegatedServices: page.items.map((service) => ({
      servicePrincipal: service.servicePrincipal,
      delegationEnabledDate: service.delegationEnabledDate.toISOString(),
    })),
    ...nextTokenOf(page),
  };
}
