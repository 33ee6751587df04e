export * from './digest-document';
export * from './digest-scope';
export * from './digest-signature';
export * from './digest-time';
export * from './integrity.errors';
export * from './key-rotation';
export * from './public-key';
export * from './signed-digest';
