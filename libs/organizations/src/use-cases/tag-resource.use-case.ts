import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { assertTagRoom, parseTagKeys, parseTags, type Tag } from '../domain/organization-tags';
import { OrganizationTagRepository } from '../persistence/organization-tag.repository';
import { OrganizationAccessService } from './organization-access.service';
import { TaggableResources } from './taggable-resources';

export interface TagResourceInput {
  /** An account id, an OU id, the root id or a policy id. */
  resourceId: string;
  tags: Tag[];
}

export interface UntagResourceInput {
  resourceId: string;
  tagKeys: string[];
}

/**
 * Organizations TagResource (management account only): adds the tags, overwriting the values of
 * keys the resource has; all or nothing, and at most 50 tags on the resource. The organization lock
 * serialises taggers, so the limit holds under concurrency.
 */
@Injectable()
export class TagResourceUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly resources: TaggableResources,
    private readonly tags: OrganizationTagRepository,
  ) {}

  async execute(ctx: RequestContext, input: TagResourceInput): Promise<void> {
    const tags = parseTags(input.tags);
    await this.tx.run(async (em) => {
      const org = await this.access.lockedForChange(em, ctx.accountId);
      const resource = await this.resources.find(em, org, input.resourceId);
      const existing = await this.tags.list(em, org.id, resource.id);
      assertTagRoom(
        existing.map((tag) => tag.key),
        tags,
      );
      await this.tags.put(em, org.id, resource, tags);
    });
  }
}

/** Organizations UntagResource (management account only): keys the resource does not have are ignored. */
@Injectable()
export class UntagResourceUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly resources: TaggableResources,
    private readonly tags: OrganizationTagRepository,
  ) {}

  async execute(ctx: RequestContext, input: UntagResourceInput): Promise<void> {
    const keys = parseTagKeys(input.tagKeys);
    await this.tx.run(async (em) => {
      const org = await this.access.lockedForChange(em, ctx.accountId);
      const resource = await this.resources.find(em, org, input.resourceId);
      await this.tags.remove(em, org.id, resource.id, keys);
    });
  }
}
