import { Controller, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CreateStandaloneAccount } from '@app/accounts';
import { type FastifyRequest } from 'fastify';
import { RestOperation, RestOperations } from '../rest-operations';
import { StandaloneAccountResponse } from './standalone-account.response';

@ApiTags('accounts')
@Controller('v1/accounts')
export class AccountsController {
  constructor(private readonly rest: RestOperations) {}

  @Post()
  @RestOperation(CreateStandaloneAccount, {
    summary: 'create a standalone account',
    description:
      'Creates an account outside any organization, with a root user and one access key for it. ' +
      'Only the partition operator (the root user of the bootstrap account) may call it. The name is ' +
      '1–50 printable characters, the e-mail 6–64 characters and unique in the partition. The answer ' +
      'holds the root `accessKeyId` and `secretAccessKey`; the secret is never shown again.',
    body: {},
  })
  @ApiCreatedResponse({
    type: StandaloneAccountResponse,
    description: 'The account and its root credentials',
  })
  create(@Req() request: FastifyRequest): Promise<StandaloneAccountResponse> {
    return this.rest.run(
      request,
      CreateStandaloneAccount,
      ({ body }) => body,
      (account) => account,
    );
  }
}
