export * from './delegated-admin.operations';
export * from './selector.operations';
export * from './selector.requests';
export * from './tag.operations';
export * from './trail-elements';
export * from './trail-resources';
export * from './trail.operations';
export * from './trail.requests';
