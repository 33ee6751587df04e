export * from './authentication/authentication.errors';
export * from './authentication/authenticator';
export * from './jobs/expired-sessions.task';
export * from './persistence/access-key.repository';
export * from './persistence/session.repository';
export * from './principals';
export * from './identity.module';
