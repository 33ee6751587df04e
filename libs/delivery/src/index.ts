export * from './domain';
export * from './delivery.module';
export * from './operations/delivery.operations';
export * from './persistence/delivered-file.repository';
export * from './persistence/delivery-state.repository';
export * from './services/trail-log-delivery';
export * from './use-cases/get-trail-status.use-case';
export * from './use-cases/list-trail-deliveries.use-case';
