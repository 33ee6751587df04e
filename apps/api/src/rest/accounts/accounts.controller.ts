import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CreateStandaloneAccountUseCase, type StandaloneAccount } from '@app/accounts';
import { type RequestContext } from '@app/platform';
import { Operation } from '../../http/operation';
import { Ctx } from '../../http/request-context.decorator';
import { CreateAccountRequest } from './create-account.request';

@ApiTags('accounts')
@Controller('v1/accounts')
export class AccountsController {
  constructor(private readonly createAccount: CreateStandaloneAccountUseCase) {}

  /** The partition operator creates a standalone account; the root secret is shown only here. */
  @Post()
  @Operation('trailplane', 'CreateAccount', { readOnly: false })
  @ApiCreatedResponse({ description: '{ accountId, name, email, accessKeyId, secretAccessKey }' })
  create(@Ctx() ctx: RequestContext, @Body() body: CreateAccountRequest): Promise<StandaloneAccount> {
    return this.createAccount.execute(ctx, body);
  }
}
