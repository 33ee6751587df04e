import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { AccountRepository } from './persistence/account.repository';
import { CreateStandaloneAccountUseCase } from './use-cases/create-standalone-account.use-case';
import { EnsureBootstrapAccountUseCase } from './use-cases/ensure-bootstrap-account.use-case';

@Module({
  imports: [IdentityModule],
  providers: [AccountRepository, CreateStandaloneAccountUseCase, EnsureBootstrapAccountUseCase],
  exports: [AccountRepository, CreateStandaloneAccountUseCase, EnsureBootstrapAccountUseCase],
})
export class AccountsModule {}
