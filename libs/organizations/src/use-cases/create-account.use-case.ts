import { Injectable } from '@nestjs/common';
import { validateAccountDetails } from '@app/accounts';
import {
  Clock,
  JobName,
  JobQueue,
  randomLowerAlnum,
  type RequestContext,
  TransactionRunner,
} from '@app/platform';
import {
  type CreateAccountRequestRecord,
  type CreateAccountStatus,
  planAccessSettings,
  toCreateAccountStatus,
} from '../domain/create-account';
import { newCreateAccountRequestId } from '../domain/organization-ids';
import { parseTags, type Tag } from '../domain/organization-tags';
import { CreateAccountRequestRepository } from '../persistence/create-account-request.repository';
import { OrganizationAccessService } from './organization-access.service';

export interface CreateAccountInput {
  email: string;
  accountName: string;
  /** The role the management account assumes in the new account; `OrganizationAccountAccessRole` by default. */
  roleName?: string;
  /** `ALLOW` (default) or `DENY`. */
  iamUserAccessToBilling?: string;
  /** The new account's tags, applied when it joins. */
  tags?: Tag[];
}

/**
 * The management account asks for a new member account. The request is recorded IN_PROGRESS and
 * finished by the CompleteAccountCreation job; callers poll DescribeCreateAccountStatus.
 */
@Injectable()
export class CreateAccountUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly requests: CreateAccountRequestRepository,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: CreateAccountInput): Promise<CreateAccountStatus> {
    validateAccountDetails({ name: input.accountName, email: input.email }, 'InvalidInputException');
    const settings = planAccessSettings(input);
    const tags = parseTags(input.tags);
    return this.tx.run(async (em) => {
      const org = await this.access.management(em, ctx.accountId);
      const request: CreateAccountRequestRecord = {
        id: newCreateAccountRequestId(randomLowerAlnum),
        organizationId: org.id,
        accountName: input.accountName,
        email: input.email,
        ...settings,
        tags,
        state: 'IN_PROGRESS',
        requestedAt: this.clock.now(),
      };
      await this.requests.insert(em, request);
      await this.jobs.enqueue(JobName.CompleteAccountCreation, { requestId: request.id });
      return toCreateAccountStatus(request);
    });
  }
}
