import { Injectable } from '@nestjs/common';
import { InvalidPageTokenError, PageTokenCodec, type RequestContext, TransactionRunner } from '@app/platform';
import { type TrailRecord } from '../domain/trail-record';
import { InvalidTokenError } from '../domain/trail.errors';
import { TrailRepository } from '../persistence/trail.repository';

export const LIST_TRAILS_PAGE_SIZE = 50;

export interface TrailPage {
  readonly trails: readonly TrailRecord[];
  readonly nextToken?: string;
}

/**
 * ListTrails (§2.7, decision 8): every trail the caller holds a copy of in the called Region, each
 * once, by ARN; the page token is opaque, tamper-evident and bound to the caller and Region.
 */
@Injectable()
export class ListTrailsUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly trails: TrailRepository,
    private readonly tokens: PageTokenCodec,
  ) {}

  async execute(ctx: RequestContext, input: { nextToken?: string }): Promise<TrailPage> {
    const scope = `cloudtrail:ListTrails/${ctx.accountId}/${ctx.region}`;
    let afterArn: string | undefined;
    if (input.nextToken !== undefined) {
      try {
        afterArn = this.tokens.decode(input.nextToken, scope);
      } catch (error) {
        if (error instanceof InvalidPageTokenError) {
          throw new InvalidTokenError();
        }
        throw error;
      }
    }
    const rows = await this.tx.read((em) =>
      this.trails.listVisible(em, ctx.accountId, ctx.region, { afterArn, limit: LIST_TRAILS_PAGE_SIZE + 1 }),
    );
    if (rows.length <= LIST_TRAILS_PAGE_SIZE) return { trails: rows };
    const page = rows.slice(0, LIST_TRAILS_PAGE_SIZE);
    return { trails: page, nextToken: this.tokens.encode({ scope, position: page[page.length - 1].arn }) };
  }
}
