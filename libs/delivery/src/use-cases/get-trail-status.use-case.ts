import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { GetTrailUseCase, type TrailRecord } from '@app/trails';
import { type DeliveryStatus, DeliveryStateRepository } from '../persistence/delivery-state.repository';

/** A trail's logging state and where its delivery stands. */
export interface TrailStatus {
  readonly trail: TrailRecord;
  readonly delivery: DeliveryStatus;
}

/** GetTrailStatus (cloudtrail.md §2.9, delivery.md §3): replicas answer as the trail does. */
@Injectable()
export class GetTrailStatusUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly getTrail: GetTrailUseCase,
    private readonly state: DeliveryStateRepository,
  ) {}

  async execute(ctx: RequestContext, input: { name: string }): Promise<TrailStatus> {
    const trail = await this.getTrail.execute(ctx, input);
    const delivery = await this.tx.read((em) => this.state.statusOf(em, trail.id));
    return { trail, delivery };
  }
}
