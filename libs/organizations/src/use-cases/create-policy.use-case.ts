import { Injectable } from '@nestjs/common';
import { Clock, randomLowerAlnum, type RequestContext, TransactionRunner } from '@app/platform';
import {
  assertPolicyDescription,
  assertPolicyName,
  newPolicyId,
  type OrganizationPolicy,
  toOrganizationPolicy,
} from '../domain/organization-policy';
import { PolicyTypeNotAvailableError } from '../domain/organization-policy.errors';
import { parseTags, type Tag } from '../domain/organization-tags';
import { assertRoomForPolicy } from '../domain/policy-attachments';
import { checkPolicyContent } from '../domain/policy-content';
import { parsePolicyType } from '../domain/policy-types';
import { OrganizationPolicyRepository } from '../persistence/organization-policy.repository';
import { OrganizationTagRepository } from '../persistence/organization-tag.repository';
import { OrganizationAccessService } from './organization-access.service';
import { orgRef } from './organization-policy.access';

export interface CreatePolicyInput {
  content: string;
  description: string;
  name: string;
  /** Any policy type of the model; it need not be enabled on the root yet. */
  type: string;
  tags?: Tag[];
}

/**
 * Organizations CreatePolicy (management account only, all-features organizations): the content is
 * validated by its type's grammar and size, the organization holds at most its quota of the type,
 * and the policy is stored with its tags, or nothing is.
 */
@Injectable()
export class CreatePolicyUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly policies: OrganizationPolicyRepository,
    private readonly tags: OrganizationTagRepository,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: CreatePolicyInput): Promise<OrganizationPolicy> {
    const type = parsePolicyType(input.type);
    assertPolicyName(input.name);
    assertPolicyDescription(input.description);
    const content = checkPolicyContent(type, input.content);
    const tags = parseTags(input.tags);
    return this.tx.run(async (em) => {
      const org = await this.access.lockedForChange(em, ctx.accountId);
      if (org.featureSet !== 'ALL') throw new PolicyTypeNotAvailableError();
      assertRoomForPolicy(type, await this.policies.count(em, org.id, type));
      const policy = await this.policies.insert(
        em,
        {
          id: newPolicyId(randomLowerAlnum),
          organizationId: org.id,
          type,
          name: input.name,
          description: input.description,
          content,
        },
        this.clock.now(),
      );
      await this.tags.put(em, org.id, { id: policy.id, type: 'POLICY' }, tags);
      return toOrganizationPolicy(policy, orgRef(org), ctx.partition);
    });
  }
}
