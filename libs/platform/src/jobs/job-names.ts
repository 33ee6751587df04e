/**
 * Every background job: its name, its queue, its payload type and its deterministic id. This file
 * is the one place where the platform names domain work; it holds types only, so dependencies
 * still point down (domain libs register the handlers).
 */
export enum QueueName {
  Organizations = 'organizations',
  Propagation = 'propagation',
  Maintenance = 'maintenance',
  Delivery = 'delivery',
}

export enum JobName {
  /** Finishes an Organizations CreateAccount request (asynchronous, like AWS). */
  CompleteAccountCreation = 'complete-account-creation',
  /** Domain events: zero or more listeners react to each. */
  RegionLaunched = 'region-launched',
  /** Accounts enabled or disabled an opt-in Region: one job per Region and epoch, not per change. */
  RegionEnablementsChanged = 'region-enablements-changed',
  AccountJoinedOrganization = 'account-joined-organization',
  AccountLeftOrganization = 'account-left-organization',
  /** Brings one batch of a trail's replicas to its desired set, then chains the next batch. */
  ReconcileTrail = 'reconcile-trail',
  /** Delivers a trail's undelivered events as log files (one run per trail and delivery interval). */
  DeliverLogs = 'deliver-logs',
  /** Delivers the digests of a trail whose intervals have ended (one run per trail and digest interval). */
  DeliverDigests = 'deliver-digests',
}

/** Payloads are JSON: ids and ISO strings, never Date or class instances. */
export interface JobPayloads {
  [JobName.CompleteAccountCreation]: { requestId: string };
  [JobName.RegionLaunched]: { region: string; optIn: boolean };
  /** `epoch`: the Region's enablement epoch the changes were made in (`regions.enablement_epoch`). */
  [JobName.RegionEnablementsChanged]: { region: string; epoch: string };
  [JobName.AccountJoinedOrganization]: { accountId: string; organizationId: string; changeId: string };
  [JobName.AccountLeftOrganization]: { accountId: string; organizationId: string; changeId: string };
  /** `afterAccountId` '' starts at the first account; `attempt` distinguishes sweep re-runs. */
  [JobName.ReconcileTrail]: { trailId: string; generation: number; afterAccountId: string; attempt?: string };
  /** `slot`: the delivery interval it belongs to; `part`: a continuation within it (a backlog). */
  [JobName.DeliverLogs]: { trailId: string; slot: number; part?: number };
  [JobName.DeliverDigests]: { trailId: string; slot: number; part?: number };
}

/** Jobs that announce something that happened: any number of handlers may listen. */
export const EVENT_JOBS: ReadonlySet<JobName> = new Set([
  JobName.RegionLaunched,
  JobName.RegionEnablementsChanged,
  JobName.AccountJoinedOrganization,
  JobName.AccountLeftOrganization,
]);

/**
 * Jobs that are cheap one by one and whose handler shares a round trip among the jobs running
 * with it: those enqueued together travel through BullMQ several to a job (`BullmqJobQueue`),
 * sparing each its own add and moves in Redis (PERFORMANCE.md P10).
 */
export const BATCHED_JOBS: ReadonlySet<JobName> = new Set([JobName.ReconcileTrail]);

export const JOB_QUEUES: { readonly [N in JobName]: QueueName } = {
  [JobName.CompleteAccountCreation]: QueueName.Organizations,
  [JobName.RegionLaunched]: QueueName.Propagation,
  [JobName.RegionEnablementsChanged]: QueueName.Propagation,
  [JobName.AccountJoinedOrganization]: QueueName.Propagation,
  [JobName.AccountLeftOrganization]: QueueName.Propagation,
  [JobName.ReconcileTrail]: QueueName.Propagation,
  [JobName.DeliverLogs]: QueueName.Delivery,
  [JobName.DeliverDigests]: QueueName.Delivery,
};

/** BullMQ job ids: deterministic, no ':' and never all digits, so a repeated enqueue is a no-op. */
export const jobIds: { readonly [N in JobName]: (payload: JobPayloads[N]) => string } = {
  [JobName.CompleteAccountCreation]: (p) => `complete-account-creation.${p.requestId}`,
  [JobName.RegionLaunched]: (p) => `region-launched.${p.region}`,
  [JobName.RegionEnablementsChanged]: (p) => `region-enablements-changed.${p.region}.e${p.epoch}`,
  [JobName.AccountJoinedOrganization]: (p) =>
    `account-joined.${p.accountId}.${p.organizationId}.${p.changeId}`,
  [JobName.AccountLeftOrganization]: (p) => `account-left.${p.accountId}.${p.organizationId}.${p.changeId}`,
  [JobName.ReconcileTrail]: (p) =>
    `reconcile-trail.${p.trailId}.g${p.generation}.a${p.afterAccountId || 'start'}${p.attempt ? `.${p.attempt}` : ''}`,
  [JobName.DeliverLogs]: (p) => `deliver-logs.${p.trailId}.s${p.slot}${p.part ? `.p${p.part}` : ''}`,
  [JobName.DeliverDigests]: (p) => `deliver-digests.${p.trailId}.s${p.slot}${p.part ? `.p${p.part}` : ''}`,
};

export enum JobOutcome {
  Done = 'done',
  Skipped = 'skipped',
}
