import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { ReplicaReconciler, type RegionPropagation } from '../persistence/replica-reconciler';
import { TrailLocator } from '../services/trail-locator';

export interface TrailPropagationStatus {
  readonly trailArn: string;
  readonly generation: number;
  readonly observedGeneration: number;
  readonly desired: number;
  readonly applied: number;
  /** Replicas missing, behind the latest generation, or no longer wanted. */
  readonly pending: number;
  /** Pending replicas whose last propagation attempt failed (with `failureReason`). */
  readonly failed: number;
  readonly failureReason?: string;
  readonly regions: ReadonlyArray<RegionPropagation & { readonly pending: number }>;
  readonly pendingRegions: readonly string[];
}

/** The replication state of one trail: desired vs applied replicas, by Region. */
@Injectable()
export class GetTrailPropagationUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locator: TrailLocator,
    private readonly reconciler: ReplicaReconciler,
  ) {}

  async execute(ctx: RequestContext, input: { name: string }): Promise<TrailPropagationStatus> {
    return this.tx.read(async (em) => {
      const trail = await this.locator.find(em, ctx, input.name);
      const regions = (await this.reconciler.propagation(em, trail.id)).map((region) => ({
        ...region,
        pending: region.desired - region.applied + region.stale,
      }));
      const sum = (pick: (r: (typeof regions)[number]) => number): number =>
        regions.reduce((total, region) => total + pick(region), 0);
      const pending = sum((r) => r.pending);
      return {
        trailArn: trail.arn,
        generation: trail.generation,
        observedGeneration: trail.observedGeneration,
        desired: sum((r) => r.desired),
        applied: sum((r) => r.applied),
        pending,
        failed: trail.propagationError !== null ? pending : 0,
        ...(trail.propagationError !== null ? { failureReason: trail.propagationError } : {}),
        regions,
        pendingRegions: regions.filter((r) => r.pending > 0).map((r) => r.region),
      };
    });
  }
}
