import { Module } from '@nestjs/common';
import { RegionsModule } from '@app/regions';
import { Authenticator } from './authentication/authenticator';
import { AccessKeyRepository } from './persistence/access-key.repository';

@Module({
  imports: [RegionsModule],
  providers: [AccessKeyRepository, Authenticator],
  exports: [AccessKeyRepository, Authenticator],
})
export class IdentityModule {}
