/** DI token of the shared Redis connection (null in the embedded mode). */
export const REDIS = Symbol('REDIS');
