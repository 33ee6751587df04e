import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler, JobName, JobOutcome, type JobPayloads, JobQueue } from '@app/platform';
import { TrailLogDelivery } from '../services/trail-log-delivery';

/** Delivers one trail's logs; a run that did not catch up chains the next one at once. */
@Injectable()
@HandlesJob()
export class DeliverLogsHandler implements JobHandler<JobName.DeliverLogs> {
  readonly jobName = JobName.DeliverLogs;

  constructor(
    private readonly delivery: TrailLogDelivery,
    private readonly jobs: JobQueue,
  ) {}

  async handle(payload: JobPayloads[JobName.DeliverLogs]): Promise<JobOutcome> {
    const run = await this.delivery.deliver(payload.trailId);
    if (!run.caughtUp) {
      await this.jobs.enqueue(JobName.DeliverLogs, { ...payload, part: (payload.part ?? 0) + 1 });
    }
    return run.files > 0 ? JobOutcome.Done : JobOutcome.Skipped;
  }
}
