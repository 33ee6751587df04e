import {
  type InsightSelector,
  type Tag,
  type TrailEventSelectors,
  type TrailIdentity,
  type TrailSettings,
} from './trail';

/** A trail as stored: identity, settings and the state the API reports about it. */
export interface TrailRecord extends TrailIdentity {
  readonly id: string;
  readonly settings: TrailSettings;
  /** The organization an organization trail belongs to (the owner's). */
  readonly organizationId: string | null;
  readonly eventSelectors: TrailEventSelectors;
  readonly hasCustomEventSelectors: boolean;
  readonly insightSelectors: readonly InsightSelector[];
  readonly tags: readonly Tag[];
  readonly isLogging: boolean;
  readonly startLoggingTime: Date | null;
  readonly stopLoggingTime: Date | null;
  /** Bumped by every change replicas must follow; replicas record the generation they reflect. */
  readonly generation: number;
  /** The generation whose replica set the reconciler last completed. */
  readonly observedGeneration: number;
  readonly propagationError: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** Single-Region, non-organization trails have no copy beyond their home: nothing to propagate. */
export function propagatesBeyondHome(
  settings: Pick<TrailSettings, 'isMultiRegionTrail' | 'isOrganizationTrail'>,
): boolean {
  return settings.isMultiRegionTrail || settings.isOrganizationTrail;
}
