import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { type Tag } from '../domain/trail';
import { mergeTags, removeTags, validateTags } from '../domain/trail-tags';
import { ResourceNotFoundError, TrailNotFoundError } from '../domain/trail.errors';
import { TrailRepository } from '../persistence/trail.repository';
import { TrailLocator } from '../services/trail-locator';
import { trailArnForTagging } from './trail-tag-resource';

export interface ChangeTrailTagsInput {
  readonly resourceId: string;
  readonly tagsList: readonly Tag[];
  /** AddTags overwrites and appends; RemoveTags removes the listed keys. */
  readonly mode: 'add' | 'remove';
}

/** AddTags / RemoveTags (§2.13, §3.9): by ARN, in the trail's Region, within the 50-tag limit. */
@Injectable()
export class ChangeTrailTagsUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly trails: TrailRepository,
    private readonly locator: TrailLocator,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: ChangeTrailTagsInput): Promise<void> {
    const arn = trailArnForTagging(ctx, input.resourceId);
    validateTags(input.tagsList);
    await this.tx.run(async (em) => {
      const trail = await this.locator.findForChange(em, ctx, arn).catch((error: unknown) => {
        throw error instanceof TrailNotFoundError ? new ResourceNotFoundError(arn) : error;
      });
      const tags =
        input.mode === 'add'
          ? mergeTags(trail.tags, input.tagsList)
          : removeTags(
              trail.tags,
              input.tagsList.map((tag) => tag.key),
            );
      await this.trails.update(em, trail, { tags }, this.clock.now());
    });
  }
}
