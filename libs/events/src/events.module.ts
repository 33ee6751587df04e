import { Module } from '@nestjs/common';
import { EventRetentionTask } from './jobs/event-retention.task';
import { EventRepository } from './persistence/event.repository';
import { EventRecorder } from './services/event-recorder';
import { LookupEventsUseCase } from './use-cases/lookup-events.use-case';

/** Event history: recording every API call, LookupEvents, 90-day retention. */
@Module({
  providers: [EventRepository, EventRecorder, LookupEventsUseCase, EventRetentionTask],
  exports: [EventRepository, EventRecorder, LookupEventsUseCase, EventRetentionTask],
})
export class EventsModule {}
