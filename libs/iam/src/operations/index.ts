export * from './iam-resources';
export * from './iam.requests';
export * from './managed-policy.operations';
export * from './principal-policy.operations';
export * from './role.operations';
export * from './simulation.operations';
export * from './sts.operations';
export * from './user.operations';
