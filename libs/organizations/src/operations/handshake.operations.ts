import { defineOperation } from '@app/platform';
import { AcceptHandshakeUseCase } from '../use-cases/accept-handshake.use-case';
import { CancelHandshakeUseCase } from '../use-cases/cancel-handshake.use-case';
import { DeclineHandshakeUseCase } from '../use-cases/decline-handshake.use-case';
import { DescribeHandshakeUseCase } from '../use-cases/describe-handshake.use-case';
import { InviteAccountToOrganizationUseCase } from '../use-cases/invite-account-to-organization.use-case';
import { ListHandshakesForAccountUseCase } from '../use-cases/list-handshakes-for-account.use-case';
import {
  HandshakeIdRequest,
  InviteAccountToOrganizationRequest,
  ListHandshakesForAccountRequest,
} from './organization.requests';
import { HANDSHAKE_STATE_ERRORS, ORGANIZATION_ERRORS } from './organization-errors';

/** Invitations to the organization, as handshakes. */

export const InviteAccountToOrganization = defineOperation({
  service: 'organizations',
  name: 'InviteAccountToOrganization',
  readOnly: false,
  input: InviteAccountToOrganizationRequest,
  useCase: InviteAccountToOrganizationUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  responseElements: (handshake) => ({ handshake }),
  errors: [...ORGANIZATION_ERRORS, 'HandshakeConstraintViolationException', 'DuplicateHandshakeException'],
});

export const AcceptHandshake = defineOperation({
  service: 'organizations',
  name: 'AcceptHandshake',
  readOnly: false,
  input: HandshakeIdRequest,
  useCase: AcceptHandshakeUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  responseElements: (handshake) => ({ handshake }),
  errors: [
    ...HANDSHAKE_STATE_ERRORS,
    'MasterCannotLeaveOrganizationException',
    'HandshakeConstraintViolationException',
  ],
});

export const DeclineHandshake = defineOperation({
  ...AcceptHandshake,
  name: 'DeclineHandshake',
  useCase: DeclineHandshakeUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: HANDSHAKE_STATE_ERRORS,
});

export const CancelHandshake = defineOperation({
  ...AcceptHandshake,
  name: 'CancelHandshake',
  useCase: CancelHandshakeUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: HANDSHAKE_STATE_ERRORS,
});

export const DescribeHandshake = defineOperation({
  service: 'organizations',
  name: 'DescribeHandshake',
  readOnly: true,
  input: HandshakeIdRequest,
  useCase: DescribeHandshakeUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: ['InvalidInputException', 'HandshakeNotFoundException'],
});

export const ListHandshakesForAccount = defineOperation({
  service: 'organizations',
  name: 'ListHandshakesForAccount',
  readOnly: true,
  input: ListHandshakesForAccountRequest,
  useCase: ListHandshakesForAccountUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventResources: 'none',
  errors: ['InvalidInputException'],
});
