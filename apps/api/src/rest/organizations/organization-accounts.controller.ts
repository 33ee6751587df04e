import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CreateAccountUseCase,
  DescribeAccountUseCase,
  DescribeCreateAccountStatusUseCase,
  ListAccountsUseCase,
  ListCreateAccountStatusUseCase,
  MoveAccountUseCase,
  RemoveAccountFromOrganizationUseCase,
} from '@app/organizations';
import { type RequestContext } from '@app/platform';
import { Operation } from '../../http/operation';
import { Ctx } from '../../http/request-context.decorator';
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
import { CreateMemberAccountRequest } from './create-member-account.request';
import { ListCreateAccountStatusQuery } from './list-create-account-status.query';
import { MoveAccountRequest } from './move-account.request';
import { OrganizationsPageQuery } from './organizations-page.query';

/** Member accounts: created (asynchronously), listed, described, moved and removed. */
@ApiTags('organizations')
@Controller('v1/organization')
export class OrganizationAccountsController {
  constructor(
    private readonly createAccount: CreateAccountUseCase,
    private readonly describeCreateAccountStatus: DescribeCreateAccountStatusUseCase,
    private readonly listCreateAccountStatus: ListCreateAccountStatusUseCase,
    private readonly listAccounts: ListAccountsUseCase,
    private readonly describeAccount: DescribeAccountUseCase,
    private readonly moveAccount: MoveAccountUseCase,
    private readonly removeAccount: RemoveAccountFromOrganizationUseCase,
  ) {}

  /** Starts creating a member account; poll `GET create-account-status/{id}` until it is SUCCEEDED. */
  @Post('accounts')
  @Operation('organizations', 'CreateAccount', { readOnly: false })
  @ApiCreatedResponse({ type: CreateAccountStatusResponse })
  async create(
    @Ctx() ctx: RequestContext,
    @Body() body: CreateMemberAccountRequest,
  ): Promise<CreateAccountStatusResponse> {
    return toCreateAccountStatusResponse(await this.createAccount.execute(ctx, body));
  }

  @Get('accounts')
  @Operation('organizations', 'ListAccounts', { readOnly: true })
  @ApiOkResponse({ type: AccountListResponse })
  async list(
    @Ctx() ctx: RequestContext,
    @Query() query: OrganizationsPageQuery,
  ): Promise<AccountListResponse> {
    return toAccountListResponse(await this.listAccounts.execute(ctx, query));
  }

  @Get('accounts/:accountId')
  @Operation('organizations', 'DescribeAccount', { readOnly: true })
  @ApiOkResponse({ type: AccountResponse })
  async describe(
    @Ctx() ctx: RequestContext,
    @Param('accountId') accountId: string,
  ): Promise<AccountResponse> {
    return toAccountResponse(await this.describeAccount.execute(ctx, { accountId }));
  }

  @Delete('accounts/:accountId')
  @HttpCode(204)
  @Operation('organizations', 'RemoveAccountFromOrganization', { readOnly: false })
  @ApiNoContentResponse()
  async remove(@Ctx() ctx: RequestContext, @Param('accountId') accountId: string): Promise<void> {
    await this.removeAccount.execute(ctx, { accountId });
  }

  @Post('accounts/:accountId/move')
  @HttpCode(204)
  @Operation('organizations', 'MoveAccount', { readOnly: false })
  @ApiNoContentResponse()
  async move(
    @Ctx() ctx: RequestContext,
    @Param('accountId') accountId: string,
    @Body() body: MoveAccountRequest,
  ): Promise<void> {
    await this.moveAccount.execute(ctx, { accountId, ...body });
  }

  @Get('create-account-status')
  @Operation('organizations', 'ListCreateAccountStatus', { readOnly: true })
  @ApiOkResponse({ type: CreateAccountStatusListResponse })
  async statuses(
    @Ctx() ctx: RequestContext,
    @Query() query: ListCreateAccountStatusQuery,
  ): Promise<CreateAccountStatusListResponse> {
    return toCreateAccountStatusListResponse(await this.listCreateAccountStatus.execute(ctx, query));
  }

  @Get('create-account-status/:createAccountRequestId')
  @Operation('organizations', 'DescribeCreateAccountStatus', { readOnly: true })
  @ApiOkResponse({ type: CreateAccountStatusResponse })
  async status(
    @Ctx() ctx: RequestContext,
    @Param('createAccountRequestId') createAccountRequestId: string,
  ): Promise<CreateAccountStatusResponse> {
    return toCreateAccountStatusResponse(
      await this.describeCreateAccountStatus.execute(ctx, { createAccountRequestId }),
    );
  }
}
