import { defineOperation, NoMembers, textMember } from '@app/platform';
import { AssumeRoleUseCase } from '../use-cases/assume-role.use-case';
import { GetCallerIdentityUseCase } from '../use-cases/get-caller-identity.use-case';
import { GetSessionTokenUseCase } from '../use-cases/get-session-token.use-case';
import { roleToAssumeResource } from './iam-resources';
import { AssumeRoleRequest, GetSessionTokenRequest } from './iam.requests';

/** STS: temporary credentials of a role or of the caller, and who the caller is. */

/** The secret and the session token are in this answer only (events record them hidden). */
export const AssumeRole = defineOperation({
  service: 'sts',
  name: 'AssumeRole',
  readOnly: false,
  input: AssumeRoleRequest,
  resources: (input, scope) => [roleToAssumeResource(scope, input.roleArn)],
  conditions: (input) => {
    const context: Record<string, string> = {};
    const externalId = textMember(input.externalId);
    const sessionName = textMember(input.roleSessionName);
    if (externalId !== undefined) context['sts:ExternalId'] = externalId;
    if (sessionName !== undefined) context['sts:RoleSessionName'] = sessionName;
    return context;
  },
  useCase: AssumeRoleUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  responseElements: (session) => ({ ...session }),
  errors: ['AccessDeniedException', 'ValidationError'],
});

/** Performed whatever the policies say, as AWS does. */
export const GetCallerIdentity = defineOperation({
  service: 'sts',
  name: 'GetCallerIdentity',
  readOnly: true,
  input: NoMembers,
  unconditional: true,
  useCase: GetCallerIdentityUseCase,
  run: (useCase, ctx) => useCase.execute(ctx),
  eventResources: 'none',
});

/**
 * Temporary credentials acting as the caller (an IAM user or root user signing with a long-term
 * key). Needs no permission, as in AWS; the secret and the token are in this answer only.
 */
export const GetSessionToken = defineOperation({
  service: 'sts',
  name: 'GetSessionToken',
  readOnly: false,
  input: GetSessionTokenRequest,
  unconditional: true,
  useCase: GetSessionTokenUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  responseElements: (session) => ({ ...session }),
  eventResources: 'none',
  errors: ['AccessDeniedException', 'ValidationError'],
});
