import { Controller, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateStandaloneAccount, type StandaloneAccount } from '@app/accounts';
import { type FastifyRequest } from 'fastify';
import { RestOperation, RestOperations } from '../rest-operations';

@ApiTags('accounts')
@Controller('v1/accounts')
export class AccountsController {
  constructor(private readonly rest: RestOperations) {}

  @Post()
  @RestOperation(
    CreateStandaloneAccount,
    'The partition operator creates a standalone account; the answer holds its root `accessKeyId` and `secretAccessKey` (shown once).',
  )
  create(@Req() request: FastifyRequest): Promise<StandaloneAccount> {
    return this.rest.run(
      request,
      CreateStandaloneAccount,
      ({ body }) => body,
      (account) => account,
    );
  }
}
