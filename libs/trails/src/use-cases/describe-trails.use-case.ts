import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { parseTrailReference } from '../domain/trail-arn';
import { type TrailRecord } from '../domain/trail-record';
import { TrailRepository } from '../persistence/trail.repository';

export interface DescribeTrailsInput {
  readonly trailNameList?: readonly string[];
  /** Default true: include shadows of multi-Region trails and inherited organization trails. */
  readonly includeShadowTrails?: boolean;
}

/**
 * DescribeTrails (§2.6): the trails of the called Region. Names match the caller's trails homed
 * here; ARNs any copy the caller holds here. Names matching nothing are omitted (decision 7).
 */
@Injectable()
export class DescribeTrailsUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly trails: TrailRepository,
  ) {}

  async execute(ctx: RequestContext, input: DescribeTrailsInput): Promise<TrailRecord[]> {
    const includeShadows = input.includeShadowTrails ?? true;
    const references = (input.trailNameList ?? []).map((value) => parseTrailReference(value, ctx.partition));
    return this.tx.read(async (em) => {
      if (references.length === 0) {
        return this.trails.listVisible(em, ctx.accountId, ctx.region, { homeOnly: !includeShadows });
      }
      const found = await Promise.all(
        references.map((reference) =>
          reference.kind === 'name'
            ? this.trails.findByName(em, ctx.accountId, ctx.region, reference.name)
            : this.trails.findVisibleByArn(em, ctx.accountId, ctx.region, reference.arn),
        ),
      );
      const unique = new Map<string, TrailRecord>();
      for (const trail of found) {
        if (!trail) continue;
        const isShadow = trail.homeRegion !== ctx.region || trail.ownerAccountId !== ctx.accountId;
        if (includeShadows || !isShadow) unique.set(trail.id, trail);
      }
      return [...unique.values()];
    });
  }
}
