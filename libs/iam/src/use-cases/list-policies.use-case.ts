import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { IamValidationError } from '../domain/iam.errors';
import { type IamPage, type PolicyOutput, toPolicyOutput } from '../domain/iam-outputs';
import { ManagedPolicyRepository, type PolicyScope } from '../persistence/managed-policy.repository';
import { type IamPageInput, IamPager } from './iam.pager';

export interface ListPoliciesInput extends IamPageInput {
  /** `All` (default), `AWS` or `Local`. */
  scope?: string;
  onlyAttached?: boolean;
  pathPrefix?: string;
}

const SCOPES: readonly PolicyScope[] = ['All', 'AWS', 'Local'];

/** ListPolicies: AWS managed and the caller's customer managed policies, by name. */
@Injectable()
export class ListPoliciesUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly policies: ManagedPolicyRepository,
    private readonly pager: IamPager,
  ) {}

  async execute(ctx: RequestContext, input: ListPoliciesInput): Promise<IamPage<PolicyOutput>> {
    const scope = SCOPES.find((candidate) => candidate === (input.scope ?? 'All'));
    if (!scope) {
      throw new IamValidationError(
        `1 validation error detected: Value '${input.scope}' at 'scope' failed to satisfy constraint: Member must satisfy enum value set: [All, AWS, Local]`,
      );
    }
    const onlyAttached = input.onlyAttached ?? false;
    const pathPrefix = input.pathPrefix ?? '/';
    const listing = `ListPolicies/${ctx.accountId}/${scope}/${onlyAttached}/${pathPrefix}`;
    const cursor = this.pager.start(listing, input);
    const policies = await this.tx.read((em) =>
      this.policies.list(em, ctx.accountId, {
        scope,
        onlyAttached,
        pathPrefix,
        afterName: cursor.after,
        limit: cursor.limit + 1,
      }),
    );
    return this.pager.page(
      listing,
      policies,
      cursor,
      (policy) => policy.name.toLowerCase(),
      (policy) => toPolicyOutput(policy, ctx.partition),
    );
  }
}
