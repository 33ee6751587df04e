import { Controller, Delete, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
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
import { commaList, pageInput } from './organizations-page';

const nothing = (): void => undefined;

/** The organization's member accounts: created (asynchronously), listed, moved and removed. */
@ApiTags('organizations')
@Controller('v1/organization')
export class OrganizationAccountsController {
  constructor(private readonly rest: RestOperations) {}

  @Post('accounts')
  @RestOperation(
    CreateAccount,
    'A new member account, created asynchronously: poll its create-account status.',
  )
  @ApiCreatedResponse({ type: CreateAccountStatusResponse })
  create(@Req() request: FastifyRequest): Promise<CreateAccountStatusResponse> {
    return this.rest.run(request, CreateAccount, ({ body }) => body, toCreateAccountStatusResponse);
  }

  @Get('accounts')
  @RestOperation(ListAccounts)
  @ApiOkResponse({ type: AccountListResponse })
  list(@Req() request: FastifyRequest): Promise<AccountListResponse> {
    return this.rest.run(request, ListAccounts, pageInput, toAccountListResponse);
  }

  @Get('accounts/:accountId')
  @RestOperation(DescribeAccount)
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
  @RestOperation(RemoveAccountFromOrganization)
  remove(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(
      request,
      RemoveAccountFromOrganization,
      ({ params }) => ({ accountId: params.accountId }),
      nothing,
    );
  }

  @Post('accounts/:accountId/move')
  @HttpCode(204)
  @RestOperation(MoveAccount)
  move(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(
      request,
      MoveAccount,
      (parts) => parts.bodyWith({ accountId: parts.params.accountId }),
      nothing,
    );
  }

  @Get('create-account-status')
  @RestOperation(ListCreateAccountStatus, 'Only the given `states` (comma-separated or repeated) when given.')
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
  @RestOperation(DescribeCreateAccountStatus)
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
