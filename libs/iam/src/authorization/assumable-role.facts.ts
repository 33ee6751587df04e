import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { parseIamArn } from '../domain/iam-arns';
import { IamRoleRepository } from '../persistence/iam-role.repository';
import {
  type ResourceFacts,
  type ResourceFactsQuery,
  ResourceFactsSource,
  type ResourceKind,
} from './authorization-ports';

/**
 * The owner's side of `sts:AssumeRole`: the role's trust policy, which must itself grant the caller
 * (or the caller's account, with the caller's identity policy allowing too). A role that does not
 * exist has no trust policy, so nobody may assume it.
 */
@Injectable()
export class AssumableRoleFacts extends ResourceFactsSource {
  readonly kind: ResourceKind = 'assumable-role';

  constructor(private readonly roles: IamRoleRepository) {
    super();
  }

  async facts(em: EntityManager, query: ResourceFactsQuery): Promise<ResourceFacts> {
    const parts = parseIamArn(query.resource.arn, query.partition);
    const role =
      parts?.type === 'role' ? await this.roles.findByName(em, parts.account, parts.name) : undefined;
    if (!role || role.path !== parts?.path) return { ruleMustGrant: true };
    return {
      rule: { name: `${role.name}TrustPolicy`, kind: 'trust', document: role.trustPolicy },
      ruleMustGrant: true,
      ...(query.needTags ? { tags: role.tags } : {}),
    };
  }
}
