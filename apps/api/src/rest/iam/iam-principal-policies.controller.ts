import { type Type, Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AttachPrincipalPolicyUseCase,
  DeletePrincipalPolicyUseCase,
  DetachPrincipalPolicyUseCase,
  GetPrincipalPolicyUseCase,
  ListAttachedPrincipalPoliciesUseCase,
  ListPrincipalPoliciesUseCase,
  type PrincipalKind,
  PutPrincipalPolicyUseCase,
} from '@app/iam';
import { type RequestContext } from '@app/platform';
import { Operation } from '../../http/operation';
import { Ctx } from '../../http/request-context.decorator';
import { AttachPolicyRequest, DetachPolicyQuery, PutInlinePolicyRequest } from './iam.requests';
import {
  AttachedPolicyListResponse,
  InlinePolicyNamesResponse,
  InlinePolicyResponse,
  toAttachedPolicyListResponse,
} from './iam.responses';

/**
 * The managed and inline policies of a user or a role: the same routes and use cases under
 * `/v1/iam/users/{userName}` and `/v1/iam/roles/{roleName}`, named as IAM names each operation
 * (`AttachUserPolicy`, `AttachRolePolicy`, …).
 */
function principalPoliciesController(kind: PrincipalKind): Type<unknown> {
  const Kind = kind === 'user' ? 'User' : 'Role';
  // The parameter keeps IAM's name: authorization reads `userName` / `roleName` from the route.
  const nameParam = `${kind}Name`;

  @ApiTags('iam')
  @Controller(`v1/iam/${kind}s/:${nameParam}`)
  class PrincipalPoliciesController {
    constructor(
      private readonly attachPolicy: AttachPrincipalPolicyUseCase,
      private readonly detachPolicy: DetachPrincipalPolicyUseCase,
      private readonly listAttachedPolicies: ListAttachedPrincipalPoliciesUseCase,
      private readonly putPolicy: PutPrincipalPolicyUseCase,
      private readonly getPolicy: GetPrincipalPolicyUseCase,
      private readonly deletePolicy: DeletePrincipalPolicyUseCase,
      private readonly listPolicies: ListPrincipalPoliciesUseCase,
    ) {}

    @Get('attached-policies')
    @Operation('iam', `ListAttached${Kind}Policies`, { readOnly: true })
    @ApiOkResponse({ type: AttachedPolicyListResponse })
    async attachedPolicies(
      @Ctx() ctx: RequestContext,
      @Param(nameParam) principalName: string,
    ): Promise<AttachedPolicyListResponse> {
      return toAttachedPolicyListResponse(
        await this.listAttachedPolicies.execute(ctx, { kind, principalName }),
      );
    }

    @Post('attached-policies')
    @HttpCode(204)
    @Operation('iam', `Attach${Kind}Policy`, { readOnly: false })
    @ApiNoContentResponse()
    async attach(
      @Ctx() ctx: RequestContext,
      @Param(nameParam) principalName: string,
      @Body() body: AttachPolicyRequest,
    ): Promise<void> {
      await this.attachPolicy.execute(ctx, { kind, principalName, policyArn: body.policyArn });
    }

    @Delete('attached-policies')
    @HttpCode(204)
    @Operation('iam', `Detach${Kind}Policy`, { readOnly: false })
    @ApiNoContentResponse()
    async detach(
      @Ctx() ctx: RequestContext,
      @Param(nameParam) principalName: string,
      @Query() query: DetachPolicyQuery,
    ): Promise<void> {
      await this.detachPolicy.execute(ctx, { kind, principalName, policyArn: query.policyArn });
    }

    @Get('policies')
    @Operation('iam', `List${Kind}Policies`, { readOnly: true })
    @ApiOkResponse({ type: InlinePolicyNamesResponse })
    async inlinePolicies(
      @Ctx() ctx: RequestContext,
      @Param(nameParam) principalName: string,
    ): Promise<InlinePolicyNamesResponse> {
      return { policyNames: await this.listPolicies.execute(ctx, { kind, principalName }) };
    }

    @Put('policies/:policyName')
    @HttpCode(204)
    @Operation('iam', `Put${Kind}Policy`, { readOnly: false })
    @ApiNoContentResponse()
    async putInline(
      @Ctx() ctx: RequestContext,
      @Param(nameParam) principalName: string,
      @Param('policyName') policyName: string,
      @Body() body: PutInlinePolicyRequest,
    ): Promise<void> {
      await this.putPolicy.execute(ctx, { kind, principalName, policyName, ...body });
    }

    @Get('policies/:policyName')
    @Operation('iam', `Get${Kind}Policy`, { readOnly: true })
    @ApiOkResponse({ type: InlinePolicyResponse })
    async getInline(
      @Ctx() ctx: RequestContext,
      @Param(nameParam) principalName: string,
      @Param('policyName') policyName: string,
    ): Promise<InlinePolicyResponse> {
      return this.getPolicy.execute(ctx, { kind, principalName, policyName });
    }

    @Delete('policies/:policyName')
    @HttpCode(204)
    @Operation('iam', `Delete${Kind}Policy`, { readOnly: false })
    @ApiNoContentResponse()
    async deleteInline(
      @Ctx() ctx: RequestContext,
      @Param(nameParam) principalName: string,
      @Param('policyName') policyName: string,
    ): Promise<void> {
      await this.deletePolicy.execute(ctx, { kind, principalName, policyName });
    }
  }
  // Distinct class names keep OpenAPI operation ids (`<Controller>_<method>`) unique.
  Object.defineProperty(PrincipalPoliciesController, 'name', { value: `Iam${Kind}PoliciesController` });
  return PrincipalPoliciesController;
}

export const IamUserPoliciesController = principalPoliciesController('user');
export const IamRolePoliciesController = principalPoliciesController('role');
