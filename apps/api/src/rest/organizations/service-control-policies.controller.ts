import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AttachServiceControlPolicyUseCase,
  CreateServiceControlPolicyUseCase,
  DeleteServiceControlPolicyUseCase,
  DescribeServiceControlPolicyUseCase,
  DetachServiceControlPolicyUseCase,
  DisablePolicyTypeUseCase,
  EnablePolicyTypeUseCase,
  ListPoliciesForTargetUseCase,
  ListServiceControlPoliciesUseCase,
  ListTargetsForPolicyUseCase,
  SERVICE_CONTROL_POLICY,
  UpdateServiceControlPolicyUseCase,
} from '@app/organizations';
import { type RequestContext } from '@app/platform';
import { Operation } from '../../http/operation';
import { Ctx } from '../../http/request-context.decorator';
import { RootResponse, toRootListResponse } from './organization.response';
import { OrganizationsPageQuery } from './organizations-page.query';
import {
  CreateServiceControlPolicyRequest,
  PolicyFilterQuery,
  UpdateServiceControlPolicyRequest,
} from './service-control-policy.requests';
import {
  PolicySummaryListResponse,
  PolicyTargetListResponse,
  ServiceControlPolicyResponse,
  toPolicyListResponse,
  toPolicyTargetListResponse,
  toServiceControlPolicyResponse,
} from './service-control-policy.responses';

/** Service control policies of the caller's organization (management account; reads also delegated administrators). */
@ApiTags('organizations')
@Controller('v1/organization')
export class ServiceControlPoliciesController {
  constructor(
    private readonly createPolicy: CreateServiceControlPolicyUseCase,
    private readonly updatePolicy: UpdateServiceControlPolicyUseCase,
    private readonly deletePolicy: DeleteServiceControlPolicyUseCase,
    private readonly describePolicy: DescribeServiceControlPolicyUseCase,
    private readonly attachPolicy: AttachServiceControlPolicyUseCase,
    private readonly detachPolicy: DetachServiceControlPolicyUseCase,
    private readonly listPolicies: ListServiceControlPoliciesUseCase,
    private readonly listPoliciesForTarget: ListPoliciesForTargetUseCase,
    private readonly listTargetsForPolicy: ListTargetsForPolicyUseCase,
    private readonly enablePolicyType: EnablePolicyTypeUseCase,
    private readonly disablePolicyType: DisablePolicyTypeUseCase,
  ) {}

  @Post('policies')
  @Operation('organizations', 'CreatePolicy', { readOnly: false })
  @ApiCreatedResponse({ type: ServiceControlPolicyResponse })
  async create(
    @Ctx() ctx: RequestContext,
    @Body() body: CreateServiceControlPolicyRequest,
  ): Promise<ServiceControlPolicyResponse> {
    return toServiceControlPolicyResponse(
      await this.createPolicy.execute(ctx, {
        ...body,
        description: body.description ?? '',
        type: body.type ?? SERVICE_CONTROL_POLICY,
      }),
    );
  }

  @Get('policies')
  @Operation('organizations', 'ListPolicies', { readOnly: true })
  @ApiOkResponse({ type: PolicySummaryListResponse })
  async list(
    @Ctx() ctx: RequestContext,
    @Query() query: PolicyFilterQuery,
  ): Promise<PolicySummaryListResponse> {
    return toPolicyListResponse(
      await this.listPolicies.execute(ctx, { ...query, filter: query.filter ?? SERVICE_CONTROL_POLICY }),
    );
  }

  @Get('policies/:policyId')
  @Operation('organizations', 'DescribePolicy', { readOnly: true })
  @ApiOkResponse({ type: ServiceControlPolicyResponse })
  async describe(
    @Ctx() ctx: RequestContext,
    @Param('policyId') policyId: string,
  ): Promise<ServiceControlPolicyResponse> {
    return toServiceControlPolicyResponse(await this.describePolicy.execute(ctx, { policyId }));
  }

  @Patch('policies/:policyId')
  @Operation('organizations', 'UpdatePolicy', { readOnly: false })
  @ApiOkResponse({ type: ServiceControlPolicyResponse })
  async update(
    @Ctx() ctx: RequestContext,
    @Param('policyId') policyId: string,
    @Body() body: UpdateServiceControlPolicyRequest,
  ): Promise<ServiceControlPolicyResponse> {
    return toServiceControlPolicyResponse(await this.updatePolicy.execute(ctx, { policyId, ...body }));
  }

  @Delete('policies/:policyId')
  @HttpCode(204)
  @Operation('organizations', 'DeletePolicy', { readOnly: false })
  @ApiNoContentResponse()
  async remove(@Ctx() ctx: RequestContext, @Param('policyId') policyId: string): Promise<void> {
    await this.deletePolicy.execute(ctx, { policyId });
  }

  @Put('policies/:policyId/targets/:targetId')
  @HttpCode(204)
  @Operation('organizations', 'AttachPolicy', { readOnly: false })
  @ApiNoContentResponse()
  async attach(
    @Ctx() ctx: RequestContext,
    @Param('policyId') policyId: string,
    @Param('targetId') targetId: string,
  ): Promise<void> {
    await this.attachPolicy.execute(ctx, { policyId, targetId });
  }

  @Delete('policies/:policyId/targets/:targetId')
  @HttpCode(204)
  @Operation('organizations', 'DetachPolicy', { readOnly: false })
  @ApiNoContentResponse()
  async detach(
    @Ctx() ctx: RequestContext,
    @Param('policyId') policyId: string,
    @Param('targetId') targetId: string,
  ): Promise<void> {
    await this.detachPolicy.execute(ctx, { policyId, targetId });
  }

  @Get('policies/:policyId/targets')
  @Operation('organizations', 'ListTargetsForPolicy', { readOnly: true })
  @ApiOkResponse({ type: PolicyTargetListResponse })
  async targets(
    @Ctx() ctx: RequestContext,
    @Param('policyId') policyId: string,
    @Query() query: OrganizationsPageQuery,
  ): Promise<PolicyTargetListResponse> {
    return toPolicyTargetListResponse(await this.listTargetsForPolicy.execute(ctx, { ...query, policyId }));
  }

  @Get('targets/:targetId/policies')
  @Operation('organizations', 'ListPoliciesForTarget', { readOnly: true })
  @ApiOkResponse({ type: PolicySummaryListResponse })
  async policiesForTarget(
    @Ctx() ctx: RequestContext,
    @Param('targetId') targetId: string,
    @Query() query: PolicyFilterQuery,
  ): Promise<PolicySummaryListResponse> {
    return toPolicyListResponse(
      await this.listPoliciesForTarget.execute(ctx, {
        ...query,
        targetId,
        filter: query.filter ?? SERVICE_CONTROL_POLICY,
      }),
    );
  }

  @Put('roots/:rootId/policy-types/:policyType')
  @Operation('organizations', 'EnablePolicyType', { readOnly: false })
  @ApiOkResponse({ type: RootResponse })
  async enableType(
    @Ctx() ctx: RequestContext,
    @Param('rootId') rootId: string,
    @Param('policyType') policyType: string,
  ): Promise<RootResponse> {
    return toRootListResponse({ items: [await this.enablePolicyType.execute(ctx, { rootId, policyType })] })
      .roots[0];
  }

  @Delete('roots/:rootId/policy-types/:policyType')
  @Operation('organizations', 'DisablePolicyType', { readOnly: false })
  @ApiOkResponse({ type: RootResponse })
  async disableType(
    @Ctx() ctx: RequestContext,
    @Param('rootId') rootId: string,
    @Param('policyType') policyType: string,
  ): Promise<RootResponse> {
    return toRootListResponse({ items: [await this.disablePolicyType.execute(ctx, { rootId, policyType })] })
      .roots[0];
  }
}
