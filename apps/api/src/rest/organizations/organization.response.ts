import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type Child,
  type Organization,
  type OrganizationalUnit,
  type Page,
  type Parent,
  type PolicyTypeSummary,
  type Root,
  type Tag,
} from '@app/organizations';

export class PolicyTypeSummaryResponse {
  @ApiProperty({ example: 'SERVICE_CONTROL_POLICY' }) type!: string;
  @ApiProperty({ enum: ['ENABLED', 'PENDING_ENABLE', 'PENDING_DISABLE'] }) status!: string;
}

export class OrganizationResponse {
  @ApiProperty({ example: 'o-exampleorgid' }) id!: string;
  @ApiProperty() arn!: string;
  @ApiProperty({ enum: ['ALL', 'CONSOLIDATED_BILLING'] }) featureSet!: string;
  @ApiProperty() masterAccountArn!: string;
  @ApiProperty() masterAccountId!: string;
  @ApiProperty() masterAccountEmail!: string;
  @ApiProperty({ type: [PolicyTypeSummaryResponse] }) availablePolicyTypes!: PolicyTypeSummaryResponse[];
}

export class RootResponse {
  @ApiProperty({ example: 'r-ab12' }) id!: string;
  @ApiProperty() arn!: string;
  @ApiProperty({ example: 'Root' }) name!: string;
  @ApiProperty({ type: [PolicyTypeSummaryResponse] }) policyTypes!: PolicyTypeSummaryResponse[];
}

export class RootListResponse {
  @ApiProperty({ type: [RootResponse] }) roots!: RootResponse[];
  @ApiPropertyOptional() nextToken?: string;
}

export class OrganizationalUnitResponse {
  @ApiProperty({ example: 'ou-ab12-abcdefgh' }) id!: string;
  @ApiProperty() arn!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'o-exampleorgid/r-ab12/ou-ab12-abcdefgh/' }) path!: string;
}

export class OrganizationalUnitListResponse {
  @ApiProperty({ type: [OrganizationalUnitResponse] }) organizationalUnits!: OrganizationalUnitResponse[];
  @ApiPropertyOptional() nextToken?: string;
}

export class ParentResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['ROOT', 'ORGANIZATIONAL_UNIT'] }) type!: string;
}

export class ParentListResponse {
  @ApiProperty({ type: [ParentResponse] }) parents!: ParentResponse[];
  @ApiPropertyOptional() nextToken?: string;
}

export class ChildResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['ACCOUNT', 'ORGANIZATIONAL_UNIT'] }) type!: string;
}

export class ChildListResponse {
  @ApiProperty({ type: [ChildResponse] }) children!: ChildResponse[];
  @ApiPropertyOptional() nextToken?: string;
}

export class OrganizationTagResponse {
  @ApiProperty() key!: string;
  @ApiProperty() value!: string;
}

export class OrganizationTagListResponse {
  @ApiProperty({ type: [OrganizationTagResponse] }) tags!: OrganizationTagResponse[];
  @ApiPropertyOptional() nextToken?: string;
}

/** `{nextToken}` while more items remain, nothing on the last page. */
export function nextTokenOf(page: Page<unknown>): { nextToken?: string } {
  return page.nextToken === undefined ? {} : { nextToken: page.nextToken };
}

function toPolicyTypeSummaryResponse(summary: PolicyTypeSummary): PolicyTypeSummaryResponse {
  return { type: summary.type, status: summary.status };
}

export function toOrganizationResponse(org: Organization): OrganizationResponse {
  return {
    id: org.id,
    arn: org.arn,
    featureSet: org.featureSet,
    masterAccountArn: org.masterAccountArn,
    masterAccountId: org.masterAccountId,
    masterAccountEmail: org.masterAccountEmail,
    availablePolicyTypes: org.availablePolicyTypes.map(toPolicyTypeSummaryResponse),
  };
}

export function toRootListResponse(page: Page<Root>): RootListResponse {
  return {
    roots: page.items.map((root) => ({
      id: root.id,
      arn: root.arn,
      name: root.name,
      policyTypes: root.policyTypes.map(toPolicyTypeSummaryResponse),
    })),
    ...nextTokenOf(page),
  };
}

export function toOrganizationalUnitResponse(ou: OrganizationalUnit): OrganizationalUnitResponse {
  return { id: ou.id, arn: ou.arn, name: ou.name, path: ou.path };
}

export function toOrganizationalUnitListResponse(
  page: Page<OrganizationalUnit>,
): OrganizationalUnitListResponse {
  return { organizationalUnits: page.items.map(toOrganizationalUnitResponse), ...nextTokenOf(page) };
}

export function toParentListResponse(page: Page<Parent>): ParentListResponse {
  return {
    parents: page.items.map((parent) => ({ id: parent.id, type: parent.type })),
    ...nextTokenOf(page),
  };
}

export function toChildListResponse(page: Page<Child>): ChildListResponse {
  return { children: page.items.map((child) => ({ id: child.id, type: child.type })), ...nextTokenOf(page) };
}

export function toOrganizationTagListResponse(page: Page<Tag>): OrganizationTagListResponse {
  return { tags: page.items.map((tag) => ({ key: tag.key, value: tag.value })), ...nextTokenOf(page) };
}
