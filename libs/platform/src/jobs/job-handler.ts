import { SetMetadata } from '@nestjs/common';
import { type JobName, type JobOutcome, type JobPayloads } from './job-names';

export const JOB_HANDLER = Symbol('job-handler');

/**
 * The job being run. A command job's handler may remove the job's outbox row (`id`) in the very
 * transaction that does its work and set `outboxCompleted`: the dispatcher then spares that
 * round trip. Event jobs' listeners must not (the job is done only when all of them are).
 */
export interface JobRun {
  readonly id: string;
  outboxCompleted: boolean;
}

/** A class that performs one kind of job; safe to run twice (jobs are delivered at least once). */
export interface JobHandler<N extends JobName = JobName> {
  readonly jobName: N;
  handle(payload: JobPayloads[N], run: JobRun): Promise<JobOutcome>;
}

/** Marks a provider as a job handler so the dispatcher finds it at boot. */
export const HandlesJob = (): ClassDecorator => SetMetadata(JOB_HANDLER, true);

/** Thrown by a handler when a retry cannot help (the job fails at once, the sweep may heal later). */
export class PermanentJobFailure extends Error {}
