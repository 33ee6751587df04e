export * from './log-file';
export * from './plan-log-files';
export * from './delivery.errors';
export * from './digest-schedule';
export * from './coverage';
