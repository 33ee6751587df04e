import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type Page,
  type PolicySummary,
  type PolicyTarget,
  type OrganizationPolicy,
} from '@app/organizations';
import { nextTokenOf } from './organization.response';

export class PolicySummaryResponse {
  @ApiProperty({ example: 'p-examplepolicyid111' }) id!: string;
  @ApiProperty() arn!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ example: 'SERVICE_CONTROL_POLICY' }) type!: string;
  @ApiProperty() awsManaged!: boolean;
}

export class ServiceControlPolicyResponse {
  @ApiProperty({ type: PolicySummaryResponse }) policySummary!: PolicySummaryResponse;
  @ApiProperty({ description: 'The SCP document (JSON text)' }) content!: string;
}

export class OrganizationPolicyListResponse {
  @ApiProperty({ type: [PolicySummaryResponse] }) policies!: PolicySummaryResponse[];
  @ApiPropertyOptional() nextToken?: string;
}

export class PolicyTargetResponse {
  @ApiProperty() targetId!: string;
  @ApiProperty() arn!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['ROOT', 'ORGANIZATIONAL_UNIT', 'ACCOUNT'] }) type!: string;
}

export class PolicyTargetListResponse {
  @ApiProperty({ type: [PolicyTargetResponse] }) targets!: PolicyTargetResponse[];
  @ApiPropertyOptional() nextToken?: string;
}

export function toServiceControlPolicyResponse(policy: OrganizationPolicy): ServiceControlPolicyResponse {
  return { policySummary: { ...policy.policySummary }, content: policy.content };
}

export function toPolicyListResponse(page: Page<PolicySummary>): OrganizationPolicyListResponse {
  return { policies: page.items.map((summary) => ({ ...summary })), ...nextTokenOf(page) };
}

export function toPolicyTargetListResponse(page: Page<PolicyTarget>): PolicyTargetListResponse {
  return { targets: page.items.map((target) => ({ ...target })), ...nextTokenOf(page) };
}
