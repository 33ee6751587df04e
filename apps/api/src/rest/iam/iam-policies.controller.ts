import { Controller, Delete, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  CreatePolicy,
  CreatePolicyVersion,
  DeletePolicy,
  DeletePolicyVersion,
  GetPolicy,
  GetPolicyVersion,
  ListPolicies,
  ListPolicyVersions,
  SetDefaultPolicyVersion,
} from '@app/iam';
import { type FastifyRequest } from 'fastify';
import { queryBoolean, RestOperation, RestOperations, type RestParts } from '../rest-operations';
import { iamListInput } from './iam-list-query';
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
const nothing = (): void => undefined;
const policy = ({ params }: RestParts): object => ({ policyArn: params.policyArn });
const version = ({ params }: RestParts): object => ({
  policyArn: params.policyArn,
  versionId: params.versionId,
});

/** Managed policies: the caller's customer managed policies (with versions) and the AWS managed ones. */
@ApiTags('iam')
@Controller('v1/iam/policies')
export class IamPoliciesController {
  constructor(private readonly rest: RestOperations) {}

  @Post()
  @RestOperation(CreatePolicy)
  @ApiCreatedResponse({ type: PolicyResponse })
  create(@Req() request: FastifyRequest): Promise<PolicyResponse> {
    return this.rest.run(request, CreatePolicy, ({ body }) => body, toPolicyResponse);
  }

  @Get()
  @RestOperation(ListPolicies)
  @ApiOkResponse({ type: PolicyListResponse })
  list(@Req() request: FastifyRequest): Promise<PolicyListResponse> {
    return this.rest.run(
      request,
      ListPolicies,
      (parts) => ({
        ...iamListInput(parts),
        scope: parts.query.scope,
        onlyAttached: queryBoolean(parts.query.onlyAttached),
      }),
      toPolicyListResponse,
    );
  }

  @Get(':policyArn')
  @ApiParam(POLICY_ARN)
  @RestOperation(GetPolicy)
  @ApiOkResponse({ type: PolicyResponse })
  get(@Req() request: FastifyRequest): Promise<PolicyResponse> {
    return this.rest.run(request, GetPolicy, policy, toPolicyResponse);
  }

  @Delete(':policyArn')
  @ApiParam(POLICY_ARN)
  @HttpCode(204)
  @RestOperation(DeletePolicy)
  remove(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(request, DeletePolicy, policy, nothing);
  }

  @Post(':policyArn/versions')
  @ApiParam(POLICY_ARN)
  @RestOperation(CreatePolicyVersion)
  @ApiCreatedResponse({ type: PolicyVersionResponse })
  createVersion(@Req() request: FastifyRequest): Promise<PolicyVersionResponse> {
    return this.rest.run(
      request,
      CreatePolicyVersion,
      (parts) => parts.bodyWith({ policyArn: parts.params.policyArn }),
      toPolicyVersionResponse,
    );
  }

  @Get(':policyArn/versions')
  @ApiParam(POLICY_ARN)
  @RestOperation(ListPolicyVersions)
  @ApiOkResponse({ type: PolicyVersionListResponse })
  versions(@Req() request: FastifyRequest): Promise<PolicyVersionListResponse> {
    return this.rest.run(request, ListPolicyVersions, policy, (versions) => ({
      versions: versions.map(toPolicyVersionResponse),
    }));
  }

  @Get(':policyArn/versions/:versionId')
  @ApiParam(POLICY_ARN)
  @RestOperation(GetPolicyVersion)
  @ApiOkResponse({ type: PolicyVersionResponse })
  version(@Req() request: FastifyRequest): Promise<PolicyVersionResponse> {
    return this.rest.run(request, GetPolicyVersion, version, toPolicyVersionResponse);
  }

  @Delete(':policyArn/versions/:versionId')
  @ApiParam(POLICY_ARN)
  @HttpCode(204)
  @RestOperation(DeletePolicyVersion)
  removeVersion(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(request, DeletePolicyVersion, version, nothing);
  }

  @Put(':policyArn/default-version')
  @ApiParam(POLICY_ARN)
  @HttpCode(204)
  @RestOperation(SetDefaultPolicyVersion, 'The version to make the default is `versionId` in the body.')
  setDefault(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(
      request,
      SetDefaultPolicyVersion,
      (parts) => parts.bodyWith({ policyArn: parts.params.policyArn }),
      nothing,
    );
  }
}
