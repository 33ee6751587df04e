import { Controller, Delete, Get, HttpCode, Patch, Post, Put, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AttachPolicy,
  CreatePolicy,
  DeletePolicy,
  DescribePolicy,
  DetachPolicy,
  DisablePolicyType,
  EnablePolicyType,
  ListPolicies,
  ListPoliciesForTarget,
  ListTargetsForPolicy,
  type Root,
  SERVICE_CONTROL_POLICY,
  UpdatePolicy,
} from '@app/organizations';
import { type FastifyRequest } from 'fastify';
import { RestOperation, RestOperations, type RestParts } from '../rest-operations';
import { RootResponse, toRootListResponse } from './organization.response';
import { MANAGEMENT_RULES, READER_RULES } from './organizations-docs';
import { ORGANIZATIONS_PAGE_QUERY, pageInput } from './organizations-page';
import {
  OrganizationPolicyListResponse,
  PolicyTargetListResponse,
  ServiceControlPolicyResponse,
  toPolicyListResponse,
  toPolicyTargetListResponse,
  toServiceControlPolicyResponse,
} from './service-control-policy.responses';

const nothing = (): void => undefined;
const POLICY_PATH = { policyId: 'The policy (`p-…`)' };
const TARGET_PATH = { targetId: 'The root (`r-…`), an OU (`ou-…`) or an account (12 digits)' };
const POLICY_TYPE_PATH = {
  rootId: 'The root (`r-…`)',
  policyType: 'The policy type: `SERVICE_CONTROL_POLICY`',
};
const FILTER_QUERY = {
  name: 'filter',
  required: false,
  enum: ['SERVICE_CONTROL_POLICY'],
  description: 'The policy type; default SERVICE_CONTROL_POLICY',
};
const AWS_MANAGED =
  'FullAWSAccess, the AWS managed SCP, cannot be changed or deleted (AccessDeniedException).';
const policy = ({ params }: RestParts): object => ({ policyId: params.policyId });
const attachment = ({ params }: RestParts): object => ({
  policyId: params.policyId,
  targetId: params.targetId,
});
const policyType = ({ params }: RestParts): object => ({
  rootId: params.rootId,
  policyType: params.policyType,
});
const toRootResponse = (root: Root): RootResponse => toRootListResponse({ items: [root] }).roots[0];

/** Organization policies of the caller's organization (management account; reads also delegated administrators). */
@ApiTags('organizations')
@Controller('v1/organization')
export class ServiceControlPoliciesController {
  constructor(private readonly rest: RestOperations) {}

  @Post('policies')
  @RestOperation(CreatePolicy, {
    summary: 'create a service control policy',
    description:
      'A service control policy of the organization (`type` SERVICE_CONTROL_POLICY, the default, and ' +
      'the only type available): `content` is an SCP document of at most 5,120 characters without ' +
      'whitespace, `name` 1–128 characters unique in the organization, `description` at most 512 ' +
      `(default empty). Needs all features. ${MANAGEMENT_RULES}`,
    body: { optional: ['description', 'type'] },
  })
  @ApiCreatedResponse({ type: ServiceControlPolicyResponse })
  create(@Req() request: FastifyRequest): Promise<ServiceControlPolicyResponse> {
    return this.rest.run(
      request,
      CreatePolicy,
      ({ body }) => ({ description: '', type: SERVICE_CONTROL_POLICY, ...body }),
      toServiceControlPolicyResponse,
    );
  }

  @Get('policies')
  @RestOperation(ListPolicies, {
    summary: "list the organization's policies",
    description: `The organization's policies of one type, FullAWSAccess included. ${READER_RULES}`,
    query: [...ORGANIZATIONS_PAGE_QUERY, FILTER_QUERY],
  })
  @ApiOkResponse({ type: OrganizationPolicyListResponse })
  list(@Req() request: FastifyRequest): Promise<OrganizationPolicyListResponse> {
    return this.rest.run(
      request,
      ListPolicies,
      (parts) => ({ ...pageInput(parts), filter: parts.query.filter ?? SERVICE_CONTROL_POLICY }),
      toPolicyListResponse,
    );
  }

  @Get('policies/:policyId')
  @RestOperation(DescribePolicy, {
    summary: 'describe a policy',
    description: `A policy of the organization, with its content. ${READER_RULES}`,
    path: POLICY_PATH,
  })
  @ApiOkResponse({ type: ServiceControlPolicyResponse })
  describe(@Req() request: FastifyRequest): Promise<ServiceControlPolicyResponse> {
    return this.rest.run(request, DescribePolicy, policy, toServiceControlPolicyResponse);
  }

  @Patch('policies/:policyId')
  @RestOperation(UpdatePolicy, {
    summary: "change a policy's name, description or content",
    description:
      'Changes the members given; a new content is in force for every target at once. ' +
      `${AWS_MANAGED} ${MANAGEMENT_RULES}`,
    path: POLICY_PATH,
    body: { without: ['policyId'] },
  })
  @ApiOkResponse({ type: ServiceControlPolicyResponse })
  update(@Req() request: FastifyRequest): Promise<ServiceControlPolicyResponse> {
    return this.rest.run(
      request,
      UpdatePolicy,
      (parts) => parts.bodyWith({ policyId: parts.params.policyId }),
      toServiceControlPolicyResponse,
    );
  }

  @Delete('policies/:policyId')
  @HttpCode(204)
  @RestOperation(DeletePolicy, {
    summary: 'delete a policy',
    description: `Deletes a policy attached to nothing (PolicyInUseException otherwise). ${AWS_MANAGED} ${MANAGEMENT_RULES}`,
    path: POLICY_PATH,
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  remove(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(request, DeletePolicy, policy, nothing);
  }

  @Put('policies/:policyId/targets/:targetId')
  @HttpCode(204)
  @RestOperation(AttachPolicy, {
    summary: 'attach a policy to a root, OU or account',
    description:
      'Attaches the SCP to the target, at most five a target, while SCPs are enabled in the root. ' +
      MANAGEMENT_RULES,
    path: { ...POLICY_PATH, ...TARGET_PATH },
  })
  @ApiNoContentResponse({ description: 'Attached' })
  attach(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(request, AttachPolicy, attachment, nothing);
  }

  @Delete('policies/:policyId/targets/:targetId')
  @HttpCode(204)
  @RestOperation(DetachPolicy, {
    summary: 'detach a policy from a root, OU or account',
    description:
      'Detaches the SCP from the target, which keeps at least one (ConstraintViolationException). ' +
      MANAGEMENT_RULES,
    path: { ...POLICY_PATH, ...TARGET_PATH },
  })
  @ApiNoContentResponse({ description: 'Detached' })
  detach(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(request, DetachPolicy, attachment, nothing);
  }

  @Get('policies/:policyId/targets')
  @RestOperation(ListTargetsForPolicy, {
    summary: 'list the targets of a policy',
    description: `The roots, OUs and accounts the policy is attached to. ${READER_RULES}`,
    path: POLICY_PATH,
    query: ORGANIZATIONS_PAGE_QUERY,
  })
  @ApiOkResponse({ type: PolicyTargetListResponse })
  targets(@Req() request: FastifyRequest): Promise<PolicyTargetListResponse> {
    return this.rest.run(
      request,
      ListTargetsForPolicy,
      (parts) => ({ ...pageInput(parts), policyId: parts.params.policyId }),
      toPolicyTargetListResponse,
    );
  }

  @Get('targets/:targetId/policies')
  @RestOperation(ListPoliciesForTarget, {
    summary: 'list the policies attached to a root, OU or account',
    description: `The policies of one type attached directly to the target. ${READER_RULES}`,
    path: TARGET_PATH,
    query: [...ORGANIZATIONS_PAGE_QUERY, FILTER_QUERY],
  })
  @ApiOkResponse({ type: OrganizationPolicyListResponse })
  policiesForTarget(@Req() request: FastifyRequest): Promise<OrganizationPolicyListResponse> {
    return this.rest.run(
      request,
      ListPoliciesForTarget,
      (parts) => ({
        ...pageInput(parts),
        targetId: parts.params.targetId,
        filter: parts.query.filter ?? SERVICE_CONTROL_POLICY,
      }),
      toPolicyListResponse,
    );
  }

  @Put('roots/:rootId/policy-types/:policyType')
  @RestOperation(EnablePolicyType, {
    summary: 'enable a policy type in the root',
    description:
      'Enables SCPs in the root of an all-features organization: FullAWSAccess applies to every root, ' +
      `OU and account again. ${MANAGEMENT_RULES}`,
    path: POLICY_TYPE_PATH,
  })
  @ApiOkResponse({ type: RootResponse })
  enableType(@Req() request: FastifyRequest): Promise<RootResponse> {
    return this.rest.run(request, EnablePolicyType, policyType, toRootResponse);
  }

  @Delete('roots/:rootId/policy-types/:policyType')
  @RestOperation(DisablePolicyType, {
    summary: 'disable a policy type in the root',
    description: `Disables SCPs in the root: every SCP is detached and none applies. ${MANAGEMENT_RULES}`,
    path: POLICY_TYPE_PATH,
  })
  @ApiOkResponse({ type: RootResponse })
  disableType(@Req() request: FastifyRequest): Promise<RootResponse> {
    return this.rest.run(request, DisablePolicyType, policyType, toRootResponse);
  }
}
