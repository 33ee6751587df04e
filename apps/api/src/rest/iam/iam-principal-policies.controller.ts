import { type Type, Controller, Delete, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  const nameParam = `${kind}Name` as const;
  const principalPath = { [nameParam]: `A ${kind} of the caller's account` };
  const policyPath = { ...principalPath, policyName: `An inline policy of the ${kind}` };
  // Inline documents of a principal, all together (IAM's quotas).
  const inlineLimit = kind === 'user' ? '2,048' : '10,240';
  const principal = (params: Readonly<Record<string, string>>): Record<string, string> => ({
    [nameParam]: params[nameParam],
  });

  @ApiTags('iam')
  @Controller(`v1/iam/${kind}s/:${nameParam}`)
  class PrincipalPoliciesController {
    constructor(private readonly rest: RestOperations) {}

    @Get('attached-policies')
    @restOperation(operations.listAttached, {
      summary: `list the managed policies attached to a ${kind}`,
      description: `The customer and AWS managed policies attached to the ${kind}.`,
      path: principalPath,
    })
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
    @restOperation(operations.attach, {
      summary: `attach a managed policy to a ${kind}`,
      description:
        `Attaches a customer managed policy of the account or an AWS managed policy (\`policyArn\`) to ` +
        `the ${kind}, at most ten a ${kind}; attaching one already attached changes nothing.`,
      path: principalPath,
      body: { without: [nameParam] },
    })
    @ApiNoContentResponse({ description: 'Attached' })
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
    @restOperation(operations.detach, {
      summary: `detach a managed policy from a ${kind}`,
      description: `Detaches the managed policy given as the \`policyArn\` query parameter from the ${kind}.`,
      path: principalPath,
      query: [{ name: 'policyArn', required: true, type: String, description: 'The policy to detach' }],
    })
    @ApiNoContentResponse({ description: 'Detached' })
    detach(@Req() request: FastifyRequest): Promise<void> {
      return this.rest.run(
        request,
        operations.detach,
        ({ params, query }) => ({ ...principal(params), policyArn: query.policyArn }),
        nothing,
      );
    }

    @Get('policies')
    @restOperation(operations.list, {
      summary: `list a ${kind}'s inline policies`,
      description: `The names of the policies embedded in the ${kind}.`,
      path: principalPath,
    })
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
    @restOperation(operations.put, {
      summary: `put an inline policy of a ${kind}`,
      description:
        `Adds or replaces a policy embedded in the ${kind} (\`policyDocument\`: JSON text or the JSON ` +
        `itself); a ${kind}'s inline policies total at most ${inlineLimit} characters.`,
      path: policyPath,
      body: { without: [nameParam, 'policyName'] },
    })
    @ApiNoContentResponse({ description: 'Put' })
    putInline(@Req() request: FastifyRequest): Promise<void> {
      return this.rest.run(
        request,
        operations.put,
        (parts) => parts.bodyWith({ ...principal(parts.params), policyName: parts.params.policyName }),
        nothing,
      );
    }

    @Get('policies/:policyName')
    @restOperation(operations.get, {
      summary: `read an inline policy of a ${kind}`,
      description: `A policy embedded in the ${kind}, with its document as JSON text.`,
      path: policyPath,
    })
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
    @restOperation(operations.remove, {
      summary: `delete an inline policy of a ${kind}`,
      description: `Deletes a policy embedded in the ${kind}.`,
      path: policyPath,
    })
    @ApiNoContentResponse({ description: 'Deleted' })
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
