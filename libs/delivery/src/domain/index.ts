export * from './log-file-key';
export * from './log-file';
