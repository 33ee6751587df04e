import { Controller, Delete, Get, HttpCode, Patch, Post, Put, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
import { pageInput } from './organizations-page';
import {
  OrganizationPolicyListResponse,
  PolicyTargetListResponse,
  ServiceControlPolicyResponse,
  toPolicyListResponse,
  toPolicyTargetListResponse,
  toServiceControlPolicyResponse,
} from './service-control-policy.responses';

const nothing = (): void => undefined;
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
  @RestOperation(CreatePolicy, 'REST defaults: `type` SERVICE_CONTROL_POLICY and an empty `description`.')
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
  @RestOperation(ListPolicies, 'The policies of one type (`filter`, default SERVICE_CONTROL_POLICY).')
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
  @RestOperation(DescribePolicy)
  @ApiOkResponse({ type: ServiceControlPolicyResponse })
  describe(@Req() request: FastifyRequest): Promise<ServiceControlPolicyResponse> {
    return this.rest.run(request, DescribePolicy, policy, toServiceControlPolicyResponse);
  }

  @Patch('policies/:policyId')
  @RestOperation(UpdatePolicy)
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
  @RestOperation(DeletePolicy)
  remove(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(request, DeletePolicy, policy, nothing);
  }

  @Put('policies/:policyId/targets/:targetId')
  @HttpCode(204)
  @RestOperation(AttachPolicy)
  attach(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(request, AttachPolicy, attachment, nothing);
  }

  @Delete('policies/:policyId/targets/:targetId')
  @HttpCode(204)
  @RestOperation(DetachPolicy)
  detach(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(request, DetachPolicy, attachment, nothing);
  }

  @Get('policies/:policyId/targets')
  @RestOperation(ListTargetsForPolicy)
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
  @RestOperation(
    ListPoliciesForTarget,
    'The policies of one type (`filter`, default SERVICE_CONTROL_POLICY).',
  )
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
  @RestOperation(EnablePolicyType)
  @ApiOkResponse({ type: RootResponse })
  enableType(@Req() request: FastifyRequest): Promise<RootResponse> {
    return this.rest.run(request, EnablePolicyType, policyType, toRootResponse);
  }

  @Delete('roots/:rootId/policy-types/:policyType')
  @RestOperation(DisablePolicyType)
  @ApiOkResponse({ type: RootResponse })
  disableType(@Req() request: FastifyRequest): Promise<RootResponse> {
    return this.rest.run(request, DisablePolicyType, policyType, toRootResponse);
  }
}
