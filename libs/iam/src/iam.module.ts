import { Module } from '@nestjs/common';
import { IamRoleRepository } from './persistence/iam-role.repository';

@Module({
  providers: [IamRoleRepository],
  exports: [IamRoleRepository],
})
export class IamModule {}
