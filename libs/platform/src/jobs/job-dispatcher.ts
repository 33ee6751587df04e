import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { EnvSchema } from '../config/env.schema';
import { withStatementTimeout } from '../database/statement-timeout';
import { EVENT_JOBS, JobName, JobOutcome, type JobPayloads } from './job-names';
import { JOB_HANDLER, type JobHandler, type JobRun, PermanentJobFailure } from './job-handler';
import { JobOutbox, type OutboxEntry } from './job-outbox';
import { Metrics } from '../metrics/metrics';

/** A job of a batch that failed and may succeed on a retry. */
export interface FailedJob {
  readonly entry: OutboxEntry;
  readonly error: unknown;
}

/**
 * Finds every job handler at boot and routes jobs to them. Command jobs need exactly one handler
 * (start-up fails otherwise); event jobs run every listener in turn, each idempotent.
 */
@Injectable()
export class JobDispatcher implements OnModuleInit {
  private readonly handlers = new Map<JobName, JobHandler[]>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly outbox: JobOutbox,
    private readonly metrics: Metrics,
    private readonly env: EnvSchema,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      const type = wrapper.metatype;
      if (!instance || !type || !this.reflector.get<boolean>(JOB_HANDLER, type)) continue;
      const handler = instance as JobHandler;
      this.handlers.set(handler.jobName, [...(this.handlers.get(handler.jobName) ?? []), handler]);
    }
    const problems = Object.values(JobName).flatMap((name) => {
      const count = this.handlers.get(name)?.length ?? 0;
      if (EVENT_JOBS.has(name) || count === 1) return [];
      return [`${name} has ${count} handlers`];
    });
    if (problems.length > 0)
      throw new Error(`Every command job needs exactly one handler: ${problems.join(', ')}`);
  }

  /**
   * Runs the job's handlers, then removes it from the outbox (it is done, or can never succeed) unless
   * its handler removed it with its work, under the jobs' statement bound (batches may run
   * statements no request would).
   */
  dispatch<N extends JobName>(name: N, payload: JobPayloads[N], jobId: string): Promise<JobOutcome> {
    return withStatementTimeout(this.env.TRAILPLANE_DB_JOB_STATEMENT_TIMEOUT_MS, () =>
      this.run(name, payload, jobId),
    );
  }

  /**
   * The jobs of one BullMQ batch, all at once (their handlers share round trips). Answers those
   * that failed but may succeed later: the caller requeues them one by one, each with attempts and
   * backoff of its own, so one failing job neither fails nor repeats the others.
   */
  async dispatchBatch(entries: readonly OutboxEntry[]): Promise<FailedJob[]> {
    const settled = await Promise.allSettled(
      entries.map((entry) => this.dispatch(entry.name, entry.payload as JobPayloads[JobName], entry.id)),
    );
    return settled.flatMap((result, index) =>
      result.status === 'rejected' && !(result.reason instanceof PermanentJobFailure)
        ? [{ entry: entries[index], error: result.reason as unknown }]
        : [],
    );
  }

  private async run<N extends JobName>(name: N, payload: JobPayloads[N], jobId: string): Promise<JobOutcome> {
    const handlers = (this.handlers.get(name) ?? []) as Array<JobHandler<N>>;
    let outcome = JobOutcome.Skipped;
    const run: JobRun = { id: jobId, outboxCompleted: false };
    const stopTimer = this.metrics.jobDuration.startTimer({ job: name });
    try {
      for (const handler of handlers) {
        if ((await handler.handle(payload, run)) === JobOutcome.Done) outcome = JobOutcome.Done;
      }
    } catch (error) {
      this.metrics.jobFailures.inc({ job: name });
      if (error instanceof PermanentJobFailure) await this.outbox.complete(jobId);
      throw error;
    } finally {
      stopTimer();
    }
    if (!run.outboxCompleted) await this.outbox.complete(jobId);
    return outcome;
  }
}
