export * from './domain/ingestion.errors';
export * from './domain/service-batch';
export * from './domain/service-record';
export * from './persistence/recipient.repository';
export * from './services/ingestion-gate';
export * from './use-cases/put-service-events.use-case';
export * from './operations/service-events.operations';
export * from './ingestion.module';
