import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { type Tag } from '../domain/trail';
import { validateListTagsResourceIds } from '../domain/trail-tags';
import { ResourceNotFoundError } from '../domain/trail.errors';
import { TrailRepository } from '../persistence/trail.repository';
import { trailArnForTagging } from './trail-tag-resource';

export interface ResourceTags {
  readonly resourceId: string;
  readonly tagsList: readonly Tag[];
}

/** ListTags (§2.13): the tags of up to 20 trails of the called Region, by ARN. */
@Injectable()
export class ListTrailTagsUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly trails: TrailRepository,
  ) {}

  async execute(ctx: RequestContext, input: { resourceIdList: readonly string[] }): Promise<ResourceTags[]> {
    validateListTagsResourceIds(input.resourceIdList);
    const arns = input.resourceIdList.map((resourceId) => trailArnForTagging(ctx, resourceId));
    return this.tx.read(async (em) => {
      const result: ResourceTags[] = [];
      for (const arn of arns) {
        const trail = await this.trails.findVisibleByArn(em, ctx.accountId, ctx.region, arn);
        if (!trail) throw new ResourceNotFoundError(arn);
        result.push({ resourceId: trail.arn, tagsList: trail.tags });
      }
      return result;
    });
  }
}
