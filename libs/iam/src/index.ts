export * from './domain/iam-role';
export * from './persistence/iam-role.entity';
export * from './persistence/iam-role.repository';
export * from './iam.module';

import { IamRoleEntity } from './persistence/iam-role.entity';
export const IAM_ENTITIES = [IamRoleEntity];
