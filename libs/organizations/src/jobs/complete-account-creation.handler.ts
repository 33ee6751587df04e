import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler, JobName, type JobOutcome, type JobPayloads } from '@app/platform';
import { CompleteAccountCreationUseCase } from '../use-cases/complete-account-creation.use-case';

@Injectable()
@HandlesJob()
export class CompleteAccountCreationHandler implements JobHandler<JobName.CompleteAccountCreation> {
  readonly jobName = JobName.CompleteAccountCreation;

  constructor(private readonly completeAccountCreation: CompleteAccountCreationUseCase) {}

  handle(payload: JobPayloads[JobName.CompleteAccountCreation]): Promise<JobOutcome> {
    return this.completeAccountCreation.execute({ requestId: payload.requestId });
  }
}
