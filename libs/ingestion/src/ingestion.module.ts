import { Module } from '@nestjs/common';
import { EventsModule } from '@app/events';
import { RecipientRepository } from './persistence/recipient.repository';
import { IngestionGate } from './services/ingestion-gate';
import { PutServiceEventsUseCase } from './use-cases/put-service-events.use-case';

/** Events the cloud's other services submit (delivery.md §7), stored into the event history. */
@Module({
  imports: [EventsModule],
  providers: [RecipientRepository, IngestionGate, PutServiceEventsUseCase],
  exports: [PutServiceEventsUseCase],
})
export class IngestionModule {}
