import { Module } from '@nestjs/common';
import { EventPartitionTask } from './jobs/event-partition.task';
import { EventRetentionTask } from './jobs/event-retention.task';
import { EventRepository } from './persistence/event.repository';
import { EventRecorder } from './services/event-recorder';
import { LookupEventsUseCase } from './use-cases/lookup-events.use-case';

/** Event history: recording every API call, LookupEvents, day partitions, 90-day retention. */
@Module({
  providers: [EventRepository, EventRecorder, LookupEventsUseCase, EventPartitionTask, EventRetentionTask],
  exports: [EventRepository, EventRecorder, LookupEventsUseCase, EventPartitionTask, EventRetentionTask],
})
export class EventsModule {}
