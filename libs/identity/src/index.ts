export * from './authentication/authenticator';
export * from './persistence/access-key.entity';
export * from './persistence/access-key.repository';
export * from './principals';
export * from './identity.module';

import { AccessKeyEntity } from './persistence/access-key.entity';
export const IDENTITY_ENTITIES = [AccessKeyEntity];
