export * from './input-decorators';
export * from './input-members';
export * from './operation';
