export * from './event-record';
export * from './event-resources';
export * from './lookup-query';
export * from './redaction';
export * from './lookup.errors';
export * from './service-event';
export * from './event-partitions';
export * from './stored-record';
