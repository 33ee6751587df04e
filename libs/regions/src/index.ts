export * from './domain/region';
export * from './persistence/region.repository';
export * from './use-cases/launch-region.use-case';
export * from './use-cases/list-account-regions.use-case';
export * from './use-cases/list-partition-regions.use-case';
export * from './use-cases/set-region-opt-in.use-case';
export * from './operations/region.operations';
export * from './regions.module';
