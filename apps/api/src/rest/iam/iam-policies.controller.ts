import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  CreatePolicyUseCase,
  CreatePolicyVersionUseCase,
  DeletePolicyUseCase,
  DeletePolicyVersionUseCase,
  GetPolicyUseCase,
  GetPolicyVersionUseCase,
  ListPoliciesUseCase,
  ListPolicyVersionsUseCase,
  SetDefaultPolicyVersionUseCase,
} from '@app/iam';
import { type RequestContext } from '@app/platform';
import { Operation } from '../../http/operation';
import { Ctx } from '../../http/request-context.decorator';
import {
  CreatePolicyRequest,
  CreatePolicyVersionRequest,
  ListPoliciesQuery,
  SetDefaultPolicyVersionRequest,
} from './iam.requests';
import {
  PolicyListResponse,
  PolicyResponse,
  PolicyVersionListResponse,
  PolicyVersionResponse,
  toPolicyListResponse,
  toPolicyResponse,
  toPolicyVersionResponse,
} from './iam.responses';

const POLICY_ARN = {
  name: 'policyArn',
  description: 'The policy ARN, URL-encoded (e.g. arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FReadOnlyAccess)',
};

/** Managed policies: the caller's customer managed policies (with versions) and the AWS managed ones. */
@ApiTags('iam')
@Controller('v1/iam/policies')
export class IamPoliciesController {
  constructor(
    private readonly createPolicy: CreatePolicyUseCase,
    private readonly getPolicy: GetPolicyUseCase,
    private readonly listPolicies: ListPoliciesUseCase,
    private readonly deletePolicy: DeletePolicyUseCase,
    private readonly createVersion: CreatePolicyVersionUseCase,
    private readonly getVersion: GetPolicyVersionUseCase,
    private readonly listVersions: ListPolicyVersionsUseCase,
    private readonly deleteVersion: DeletePolicyVersionUseCase,
    private readonly setDefaultVersion: SetDefaultPolicyVersionUseCase,
  ) {}

  @Post()
  @Operation('iam', 'CreatePolicy', { readOnly: false })
  @ApiCreatedResponse({ type: PolicyResponse })
  async create(@Ctx() ctx: RequestContext, @Body() body: CreatePolicyRequest): Promise<PolicyResponse> {
    return toPolicyResponse(await this.createPolicy.execute(ctx, body));
  }

  @Get()
  @Operation('iam', 'ListPolicies', { readOnly: true })
  @ApiOkResponse({ type: PolicyListResponse })
  async list(@Ctx() ctx: RequestContext, @Query() query: ListPoliciesQuery): Promise<PolicyListResponse> {
    return toPolicyListResponse(await this.listPolicies.execute(ctx, query));
  }

  @Get(':policyArn')
  @ApiParam(POLICY_ARN)
  @Operation('iam', 'GetPolicy', { readOnly: true })
  @ApiOkResponse({ type: PolicyResponse })
  async get(@Ctx() ctx: RequestContext, @Param('policyArn') policyArn: string): Promise<PolicyResponse> {
    return toPolicyResponse(await this.getPolicy.execute(ctx, { policyArn }));
  }

  @Delete(':policyArn')
  @ApiParam(POLICY_ARN)
  @HttpCode(204)
  @Operation('iam', 'DeletePolicy', { readOnly: false })
  @ApiNoContentResponse()
  async remove(@Ctx() ctx: RequestContext, @Param('policyArn') policyArn: string): Promise<void> {
    await this.deletePolicy.execute(ctx, { policyArn });
  }

  @Post(':policyArn/versions')
  @ApiParam(POLICY_ARN)
  @Operation('iam', 'CreatePolicyVersion', { readOnly: false })
  @ApiCreatedResponse({ type: PolicyVersionResponse })
  async createPolicyVersion(
    @Ctx() ctx: RequestContext,
    @Param('policyArn') policyArn: string,
    @Body() body: CreatePolicyVersionRequest,
  ): Promise<PolicyVersionResponse> {
    return toPolicyVersionResponse(await this.createVersion.execute(ctx, { policyArn, ...body }));
  }

  @Get(':policyArn/versions')
  @ApiParam(POLICY_ARN)
  @Operation('iam', 'ListPolicyVersions', { readOnly: true })
  @ApiOkResponse({ type: PolicyVersionListResponse })
  async versions(
    @Ctx() ctx: RequestContext,
    @Param('policyArn') policyArn: string,
  ): Promise<PolicyVersionListResponse> {
    return { versions: (await this.listVersions.execute(ctx, { policyArn })).map(toPolicyVersionResponse) };
  }

  @Get(':policyArn/versions/:versionId')
  @ApiParam(POLICY_ARN)
  @Operation('iam', 'GetPolicyVersion', { readOnly: true })
  @ApiOkResponse({ type: PolicyVersionResponse })
  async version(
    @Ctx() ctx: RequestContext,
    @Param('policyArn') policyArn: string,
    @Param('versionId') versionId: string,
  ): Promise<PolicyVersionResponse> {
    return toPolicyVersionResponse(await this.getVersion.execute(ctx, { policyArn, versionId }));
  }

  @Delete(':policyArn/versions/:versionId')
  @ApiParam(POLICY_ARN)
  @HttpCode(204)
  @Operation('iam', 'DeletePolicyVersion', { readOnly: false })
  @ApiNoContentResponse()
  async removeVersion(
    @Ctx() ctx: RequestContext,
    @Param('policyArn') policyArn: string,
    @Param('versionId') versionId: string,
  ): Promise<void> {
    await this.deleteVersion.execute(ctx, { policyArn, versionId });
  }

  @Put(':policyArn/default-version')
  @ApiParam(POLICY_ARN)
  @HttpCode(204)
  @Operation('iam', 'SetDefaultPolicyVersion', { readOnly: false })
  @ApiNoContentResponse()
  async setDefault(
    @Ctx() ctx: RequestContext,
    @Param('policyArn') policyArn: string,
    @Body() body: SetDefaultPolicyVersionRequest,
  ): Promise<void> {
    await this.setDefaultVersion.execute(ctx, { policyArn, versionId: body.versionId });
  }
}
