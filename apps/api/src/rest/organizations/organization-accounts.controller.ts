import { Controller, Delete, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CloseAccount,
  CreateAccount,
  DescribeAccount,
  DescribeCreateAccountStatus,
  ListAccounts,
  ListCreateAccountStatus,
  MoveAccount,
  RemoveAccountFromOrganization,
} from '@app/organizations';
import { type FastifyRequest } from 'fastify';
import { RestOperation, RestOperations } from '../rest-operations';
import {
  AccountListResponse,
  AccountResponse,
  CreateAccountStatusListResponse,
  CreateAccountStatusResponse,
  toAccountListResponse,
  toAccountResponse,
  toCreateAccountStatusListResponse,
  toCreateAccountStatusResponse,
} from './account.response';
import { MANAGEMENT_RULES, READER_RULES } from './organizations-docs';
import { commaList, ORGANIZATIONS_PAGE_QUERY, pageInput } from './organizations-page';

const nothing = (): void => undefined;
const ACCOUNT_PATH = { accountId: 'A member account of the organization (12 digits)' };

/** The organization's member accounts: created (asynchronously), listed, moved and removed. */
@ApiTags('organizations')
@Controller('v1/organization')
export class OrganizationAccountsController {
  constructor(private readonly rest: RestOperations) {}

  @Post('accounts')
  @RestOperation(CreateAccount, {
    summary: 'create a member account',
    description:
      'Asks for a new account in the organization, created asynchronously: the answer is the request ' +
      'IN_PROGRESS; poll DescribeCreateAccountStatus until it SUCCEEDED (with the `accountId`) or FAILED ' +
      '(`EMAIL_ALREADY_EXISTS`, `ACCOUNT_LIMIT_EXCEEDED`). The new account has no root credentials: the ' +
      'management account reaches it by assuming `roleName` (default OrganizationAccountAccessRole). ' +
      MANAGEMENT_RULES,
    body: {},
  })
  @ApiCreatedResponse({ type: CreateAccountStatusResponse })
  create(@Req() request: FastifyRequest): Promise<CreateAccountStatusResponse> {
    return this.rest.run(request, CreateAccount, ({ body }) => body, toCreateAccountStatusResponse);
  }

  @Get('accounts')
  @RestOperation(ListAccounts, {
    summary: "list the organization's accounts",
    description: `Every member account, the management account included. ${READER_RULES}`,
    query: ORGANIZATIONS_PAGE_QUERY,
  })
  @ApiOkResponse({ type: AccountListResponse })
  list(@Req() request: FastifyRequest): Promise<AccountListResponse> {
    return this.rest.run(request, ListAccounts, pageInput, toAccountListResponse);
  }

  @Get('accounts/:accountId')
  @RestOperation(DescribeAccount, {
    summary: 'describe a member account',
    description: `A member account of the caller's organization. ${READER_RULES}`,
    path: ACCOUNT_PATH,
  })
  @ApiOkResponse({ type: AccountResponse })
  describe(@Req() request: FastifyRequest): Promise<AccountResponse> {
    return this.rest.run(
      request,
      DescribeAccount,
      ({ params }) => ({ accountId: params.accountId }),
      toAccountResponse,
    );
  }

  @Delete('accounts/:accountId')
  @HttpCode(204)
  @RestOperation(RemoveAccountFromOrganization, {
    summary: 'remove a member account',
    description:
      'Removes a member account, which becomes standalone. The management account cannot be removed; ' +
      `a delegated administrator must be deregistered first (ConstraintViolationException). ${MANAGEMENT_RULES}`,
    path: ACCOUNT_PATH,
  })
  @ApiNoContentResponse({ description: 'Removed' })
  remove(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(
      request,
      RemoveAccountFromOrganization,
      ({ params }) => ({ accountId: params.accountId }),
      nothing,
    );
  }

  @Post('accounts/:accountId/close')
  @HttpCode(204)
  @RestOperation(CloseAccount, {
    summary: 'close a member account',
    description:
      'Closes a member account: it is SUSPENDED at once (its credentials stop authenticating) and leaves ' +
      'the organization after the closure period (TRAILPLANE_ACCOUNT_CLOSURE_DAYS). Needs all features; ' +
      'the management account cannot be closed, and an organization closes at most the higher of 250 and ' +
      `20% of its members in 30 days (ConstraintViolationException). ${MANAGEMENT_RULES}`,
    path: ACCOUNT_PATH,
  })
  @ApiNoContentResponse({ description: 'Closed' })
  close(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(request, CloseAccount, ({ params }) => ({ accountId: params.accountId }), nothing);
  }

  @Post('accounts/:accountId/move')
  @HttpCode(204)
  @RestOperation(MoveAccount, {
    summary: 'move a member account to another parent',
    description:
      'Moves the account from `sourceParentId` (its current parent) to `destinationParentId`, the root ' +
      `or an OU. ${MANAGEMENT_RULES}`,
    path: ACCOUNT_PATH,
    body: { without: ['accountId'] },
  })
  @ApiNoContentResponse({ description: 'Moved' })
  move(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(
      request,
      MoveAccount,
      (parts) => parts.bodyWith({ accountId: parts.params.accountId }),
      nothing,
    );
  }

  @Get('create-account-status')
  @RestOperation(ListCreateAccountStatus, {
    summary: 'list CreateAccount requests',
    description: `The organization's CreateAccount requests, newest first. ${READER_RULES}`,
    query: [
      ...ORGANIZATIONS_PAGE_QUERY,
      {
        name: 'states',
        required: false,
        type: [String],
        description: 'Only these states (`IN_PROGRESS`, `SUCCEEDED`, `FAILED`), comma-separated or repeated',
      },
    ],
  })
  @ApiOkResponse({ type: CreateAccountStatusListResponse })
  statuses(@Req() request: FastifyRequest): Promise<CreateAccountStatusListResponse> {
    return this.rest.run(
      request,
      ListCreateAccountStatus,
      (parts) => ({ ...pageInput(parts), states: commaList(parts.query.states) }),
      toCreateAccountStatusListResponse,
    );
  }

  @Get('create-account-status/:createAccountRequestId')
  @RestOperation(DescribeCreateAccountStatus, {
    summary: 'describe a CreateAccount request',
    description: `Where a CreateAccount request stands. ${READER_RULES}`,
    path: { createAccountRequestId: 'The request id CreateAccount answered (`car-…`)' },
  })
  @ApiOkResponse({ type: CreateAccountStatusResponse })
  status(@Req() request: FastifyRequest): Promise<CreateAccountStatusResponse> {
    return this.rest.run(
      request,
      DescribeCreateAccountStatus,
      ({ params }) => ({ createAccountRequestId: params.createAccountRequestId }),
      toCreateAccountStatusResponse,
    );
  }
}
