import { Injectable } from '@nestjs/common';
import { AccessKeyRepository } from '@app/identity';
import { assertPartitionOperator, Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { type AccountDetails, validateAccountDetails } from '../domain/account';
import { AccountRepository } from '../persistence/account.repository';

export interface StandaloneAccount {
  readonly accountId: string;
  readonly name: string;
  readonly email: string;
  readonly accessKeyId: string;
  /** The root user's secret: returned once, never again. */
  readonly secretAccessKey: string;
}

/** The partition operator creates an account outside any organization, with root credentials. */
@Injectable()
export class CreateStandaloneAccountUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly accounts: AccountRepository,
    private readonly keys: AccessKeyRepository,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: AccountDetails): Promise<StandaloneAccount> {
    assertPartitionOperator(ctx, 'trailplane:CreateAccount');
    validateAccountDetails(input);
    return this.tx.run(async (em) => {
      const now = this.clock.now();
      const account = await this.accounts.insert(em, input, now);
      const key = await this.keys.create(em, { accountId: account.id }, undefined, now);
      return {
        accountId: account.id,
        name: account.name,
        email: account.email,
        accessKeyId: key.accessKeyId,
        secretAccessKey: key.secretAccessKey,
      };
    });
  }
}
