import { Injectable } from '@nestjs/common';
import { InvalidPageTokenError, PageTokenCodec, type RequestContext, TransactionRunner } from '@app/platform';
import { GetTrailUseCase } from '@app/trails';
import { InvalidDeliveryTokenError } from '../domain/delivery.errors';
import { type DeliveredLogFile, DeliveredFileRepository } from '../persistence/delivered-file.repository';

export interface ListTrailDeliveriesInput {
  readonly name: string;
  readonly accountId?: string;
  readonly region?: string;
  readonly maxResults?: number;
  readonly nextToken?: string;
}

export interface DeliveryPage {
  readonly deliveries: readonly DeliveredLogFile[];
  readonly nextToken?: string;
}

const DEFAULT_PAGE = 100;

/**
 * The log files a trail delivered, oldest first: key, time, records, bytes. A member account sees
 * the files of its own events only (an organization trail holds every member's).
 */
@Injectable()
export class ListTrailDeliveriesUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly getTrail: GetTrailUseCase,
    private readonly delivered: DeliveredFileRepository,
    private readonly tokens: PageTokenCodec,
  ) {}

  async execute(ctx: RequestContext, input: ListTrailDeliveriesInput): Promise<DeliveryPage> {
    const trail = await this.getTrail.execute(ctx, { name: input.name });
    const accountId = trail.ownerAccountId === ctx.accountId ? input.accountId : ctx.accountId;
    const scope = `cloudtrail:ListTrailDeliveries/${trail.id}/${accountId ?? '*'}/${input.region ?? '*'}`;
    const after = input.nextToken === undefined ? undefined : this.decode(input.nextToken, scope);
    const limit = input.maxResults ?? DEFAULT_PAGE;
    const files = await this.tx.read((em) =>
      this.delivered.list(em, trail.id, { accountId, region: input.region, after, limit: limit + 1 }),
    );
    if (files.length <= limit) return { deliveries: files };
    const page = files.slice(0, limit);
    const last = page[page.length - 1];
    return {
      deliveries: page,
      nextToken: this.tokens.encode({ scope, position: `${last.deliveredAt.toISOString()}|${last.key}` }),
    };
  }

  private decode(token: string, scope: string): { deliveredAt: Date; key: string } {
    try {
      const position = this.tokens.decode(token, scope);
      const separator = position.indexOf('|');
      return { deliveredAt: new Date(position.slice(0, separator)), key: position.slice(separator + 1) };
    } catch (error) {
      if (error instanceof InvalidPageTokenError) throw new InvalidDeliveryTokenError();
      throw error;
    }
  }
}
