import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { type Page } from '../domain/organization';
import { type Tag } from '../domain/organization-tags';
import { OrganizationTagRepository } from '../persistence/organization-tag.repository';
import { OrganizationAccessService } from './organization-access.service';
import { OrganizationsPager } from './organizations.pager';
import { TaggableResources } from './taggable-resources';

export interface ListTagsForResourceInput {
  resourceId: string;
  nextToken?: string;
}

/**
 * Organizations ListTagsForResource (management account or a delegated administrator): the
 * resource's tags by key, in one page (a resource has at most 50).
 */
@Injectable()
export class ListTagsForResourceUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly resources: TaggableResources,
    private readonly tags: OrganizationTagRepository,
    private readonly pager: OrganizationsPager,
  ) {}

  async execute(ctx: RequestContext, input: ListTagsForResourceInput): Promise<Page<Tag>> {
    return this.tx.read(async (em) => {
      const org = await this.access.reader(em, ctx.accountId);
      const resource = await this.resources.find(em, org, input.resourceId);
      // No token is ever issued for a single page, so any NextToken is rejected here.
      this.pager.start(`ListTagsForResource/${org.id}/${ctx.accountId}/${resource.id}`, input);
      return { items: await this.tags.list(em, org.id, resource.id) };
    });
  }
}
