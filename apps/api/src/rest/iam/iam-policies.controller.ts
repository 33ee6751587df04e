import { Controller, Delete, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
import { IAM_LIST_QUERY, iamListInput } from './iam-list-query';
import {
  ManagedPolicyListResponse,
  ManagedPolicyResponse,
  ManagedPolicyVersionListResponse,
  ManagedPolicyVersionResponse,
  toManagedPolicyListResponse,
  toManagedPolicyResponse,
  toManagedPolicyVersionResponse,
} from './iam.responses';

const POLICY_PATH = {
  policyArn: 'The policy ARN, URL-encoded (e.g. `arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FReadOnlyAccess`)',
};
const VERSION_PATH = { ...POLICY_PATH, versionId: 'A version of the policy (`v1`, `v2`, …)' };
const AWS_MANAGED_READ_ONLY = 'AWS managed policies are read-only (AccessDeniedException).';
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
  @RestOperation(CreatePolicy, {
    summary: 'create a customer managed policy',
    description:
      "A managed policy of the caller's account, its document as version `v1` (the default): an " +
      'identity policy of at most 6,144 characters without whitespace, as JSON text or the JSON ' +
      'itself. Names are 1–128 characters of `[\\w+=,.@-]`, unique in the account whatever their case.',
    body: {},
  })
  @ApiCreatedResponse({ type: ManagedPolicyResponse, description: 'The policy created' })
  create(@Req() request: FastifyRequest): Promise<ManagedPolicyResponse> {
    return this.rest.run(request, CreatePolicy, ({ body }) => body, toManagedPolicyResponse);
  }

  @Get()
  @RestOperation(ListPolicies, {
    summary: 'list managed policies',
    description:
      "The caller's customer managed policies (`scope=Local`), the AWS managed ones (`AWS`) or both " +
      '(`All`, the default), only those attached to a user or role of the account with ' +
      '`onlyAttached=true`, in name order; IAM paging (`isTruncated` and `marker`).',
    query: [
      ...IAM_LIST_QUERY,
      { name: 'scope', required: false, enum: ['All', 'AWS', 'Local'], description: 'Default `All`' },
      { name: 'onlyAttached', required: false, type: Boolean, description: 'Default false' },
    ],
  })
  @ApiOkResponse({ type: ManagedPolicyListResponse })
  list(@Req() request: FastifyRequest): Promise<ManagedPolicyListResponse> {
    return this.rest.run(
      request,
      ListPolicies,
      (parts) => ({
        ...iamListInput(parts),
        scope: parts.query.scope,
        onlyAttached: queryBoolean(parts.query.onlyAttached),
      }),
      toManagedPolicyListResponse,
    );
  }

  @Get(':policyArn')
  @RestOperation(GetPolicy, {
    summary: 'read a managed policy',
    description: "A customer managed policy of the caller's account, or an AWS managed policy.",
    path: POLICY_PATH,
  })
  @ApiOkResponse({ type: ManagedPolicyResponse })
  get(@Req() request: FastifyRequest): Promise<ManagedPolicyResponse> {
    return this.rest.run(request, GetPolicy, policy, toManagedPolicyResponse);
  }

  @Delete(':policyArn')
  @HttpCode(204)
  @RestOperation(DeletePolicy, {
    summary: 'delete a customer managed policy',
    description:
      'Deletes a policy attached to no user or role and with no version but its default one ' +
      `(DeleteConflict otherwise). ${AWS_MANAGED_READ_ONLY}`,
    path: POLICY_PATH,
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  remove(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(request, DeletePolicy, policy, nothing);
  }

  @Post(':policyArn/versions')
  @RestOperation(CreatePolicyVersion, {
    summary: 'add a version to a customer managed policy',
    description:
      'A new version of the policy’s document (at most five versions a policy), made the default ' +
      `when \`setAsDefault\` is true. ${AWS_MANAGED_READ_ONLY}`,
    path: POLICY_PATH,
    body: { without: ['policyArn'] },
  })
  @ApiCreatedResponse({ type: ManagedPolicyVersionResponse, description: 'The version created' })
  createVersion(@Req() request: FastifyRequest): Promise<ManagedPolicyVersionResponse> {
    return this.rest.run(
      request,
      CreatePolicyVersion,
      (parts) => parts.bodyWith({ policyArn: parts.params.policyArn }),
      toManagedPolicyVersionResponse,
    );
  }

  @Get(':policyArn/versions')
  @RestOperation(ListPolicyVersions, {
    summary: "list a managed policy's versions",
    description: 'Every version of the policy, with its document and whether it is the default.',
    path: POLICY_PATH,
  })
  @ApiOkResponse({ type: ManagedPolicyVersionListResponse })
  versions(@Req() request: FastifyRequest): Promise<ManagedPolicyVersionListResponse> {
    return this.rest.run(request, ListPolicyVersions, policy, (versions) => ({
      versions: versions.map(toManagedPolicyVersionResponse),
    }));
  }

  @Get(':policyArn/versions/:versionId')
  @RestOperation(GetPolicyVersion, {
    summary: 'read a version of a managed policy',
    description: 'One version of the policy, with its document.',
    path: VERSION_PATH,
  })
  @ApiOkResponse({ type: ManagedPolicyVersionResponse })
  version(@Req() request: FastifyRequest): Promise<ManagedPolicyVersionResponse> {
    return this.rest.run(request, GetPolicyVersion, version, toManagedPolicyVersionResponse);
  }

  @Delete(':policyArn/versions/:versionId')
  @HttpCode(204)
  @RestOperation(DeletePolicyVersion, {
    summary: 'delete a version of a customer managed policy',
    description: `Deletes a version other than the default (DeleteConflict). ${AWS_MANAGED_READ_ONLY}`,
    path: VERSION_PATH,
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  removeVersion(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(request, DeletePolicyVersion, version, nothing);
  }

  @Put(':policyArn/default-version')
  @HttpCode(204)
  @RestOperation(SetDefaultPolicyVersion, {
    summary: "set a customer managed policy's default version",
    description:
      'Makes the version given as `versionId` in the body the one in force for every user and role ' +
      `the policy is attached to. ${AWS_MANAGED_READ_ONLY}`,
    path: POLICY_PATH,
    body: { without: ['policyArn'] },
  })
  @ApiNoContentResponse({ description: 'The default changed' })
  setDefault(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(
      request,
      SetDefaultPolicyVersion,
      (parts) => parts.bodyWith({ policyArn: parts.params.policyArn }),
      nothing,
    );
  }
}
