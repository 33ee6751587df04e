import { type Type, Controller, Delete, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type PrincipalKind,
  type PrincipalPolicyOperations,
  ROLE_POLICY_OPERATIONS,
  USER_POLICY_OPERATIONS,
} from '@app/iam';
import { type FastifyRequest } from 'fastify';
import { RestOperation as restOperation, RestOperations } from '../rest-operations';
import {
  AttachedPolicyListResponse,
  InlinePolicyNamesResponse,
  InlinePolicyResponse,
  toAttachedPolicyListResponse,
} from './iam.responses';

const nothing = (): void => undefined;

/**
 * The managed and inline policies of a user or a role: the same routes under
 * `/v1/iam/users/{userName}` and `/v1/iam/roles/{roleName}`, each serving IAM's operation of its
 * kind (`AttachUserPolicy`, `AttachRolePolicy`, …).
 */
function principalPoliciesController(
  kind: PrincipalKind,
  operations: PrincipalPolicyOperations,
): Type<unknown> {
  const Kind = kind === 'user' ? 'User' : 'Role';
  const nameParam = `${kind}Name`;
  const principal = (params: Readonly<Record<string, string>>): Record<string, string> => ({
    [nameParam]: params[nameParam],
  });

  @ApiTags('iam')
  @Controller(`v1/iam/${kind}s/:${nameParam}`)
  class PrincipalPoliciesController {
    constructor(private readonly rest: RestOperations) {}

    @Get('attached-policies')
    @restOperation(operations.listAttached)
    @ApiOkResponse({ type: AttachedPolicyListResponse })
    attachedPolicies(@Req() request: FastifyRequest): Promise<AttachedPolicyListResponse> {
      return this.rest.run(
        request,
        operations.listAttached,
        ({ params }) => principal(params),
        toAttachedPolicyListResponse,
      );
    }

    @Post('attached-policies')
    @HttpCode(204)
    @restOperation(operations.attach)
    attach(@Req() request: FastifyRequest): Promise<void> {
      return this.rest.run(
        request,
        operations.attach,
        (parts) => parts.bodyWith(principal(parts.params)),
        nothing,
      );
    }

    @Delete('attached-policies')
    @HttpCode(204)
    @restOperation(operations.detach, 'The policy to detach is the `policyArn` query parameter.')
    detach(@Req() request: FastifyRequest): Promise<void> {
      return this.rest.run(
        request,
        operations.detach,
        ({ params, query }) => ({ ...principal(params), policyArn: query.policyArn }),
        nothing,
      );
    }

    @Get('policies')
    @restOperation(operations.list)
    @ApiOkResponse({ type: InlinePolicyNamesResponse })
    inlinePolicies(@Req() request: FastifyRequest): Promise<InlinePolicyNamesResponse> {
      return this.rest.run(
        request,
        operations.list,
        ({ params }) => principal(params),
        (policyNames) => ({
          policyNames,
        }),
      );
    }

    @Put('policies/:policyName')
    @HttpCode(204)
    @restOperation(operations.put)
    putInline(@Req() request: FastifyRequest): Promise<void> {
      return this.rest.run(
        request,
        operations.put,
        (parts) => parts.bodyWith({ ...principal(parts.params), policyName: parts.params.policyName }),
        nothing,
      );
    }

    @Get('policies/:policyName')
    @restOperation(operations.get)
    @ApiOkResponse({ type: InlinePolicyResponse })
    getInline(@Req() request: FastifyRequest): Promise<InlinePolicyResponse> {
      return this.rest.run(
        request,
        operations.get,
        ({ params }) => ({ ...principal(params), policyName: params.policyName }),
        (policy) => policy,
      );
    }

    @Delete('policies/:policyName')
    @HttpCode(204)
    @restOperation(operations.remove)
    deleteInline(@Req() request: FastifyRequest): Promise<void> {
      return this.rest.run(
        request,
        operations.remove,
        ({ params }) => ({ ...principal(params), policyName: params.policyName }),
        nothing,
      );
    }
  }
  // Distinct class names keep OpenAPI operation ids unique.
  Object.defineProperty(PrincipalPoliciesController, 'name', { value: `Iam${Kind}PoliciesController` });
  return PrincipalPoliciesController;
}

export const IamUserPoliciesController = principalPoliciesController('user', USER_POLICY_OPERATIONS);
export const IamRolePoliciesController = principalPoliciesController('role', ROLE_POLICY_OPERATIONS);
