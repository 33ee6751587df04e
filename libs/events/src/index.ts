export * from './domain';
export * from './jobs/event-partition.task';
export * from './jobs/event-retention.task';
export * from './persistence/event.repository';
export * from './services/event-recorder';
export * from './use-cases/lookup-events.use-case';
export * from './operations/lookup-events.operation';
export * from './events.module';
