export * from './domain/account';
export * from './domain/account.errors';
export * from './persistence/account.repository';
export * from './use-cases/create-standalone-account.use-case';
export * from './use-cases/ensure-bootstrap-account.use-case';
export * from './operations/create-standalone-account.operation';
export * from './accounts.module';
