import { Module } from '@nestjs/common';
import { Authenticator } from './authentication/authenticator';
import { ExpiredSessionsTask } from './jobs/expired-sessions.task';
import { AccessKeyRepository } from './persistence/access-key.repository';
import { SessionRepository } from './persistence/session.repository';

@Module({
  providers: [AccessKeyRepository, SessionRepository, Authenticator, ExpiredSessionsTask],
  exports: [AccessKeyRepository, SessionRepository, Authenticator],
})
export class IdentityModule {}
