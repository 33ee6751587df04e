import { Module } from '@nestjs/common';
import { SigningKeyRepository } from './persistence/signing-key.repository';
import { DigestSigner } from './services/digest-signer';
import { DigestSigningKeys } from './services/digest-signing-keys';
import { ListPublicKeysUseCase } from './use-cases/list-public-keys.use-case';

/** Log file integrity: Regions' signing keys, digest signing, ListPublicKeys. */
@Module({
  providers: [SigningKeyRepository, DigestSigningKeys, DigestSigner, ListPublicKeysUseCase],
  exports: [DigestSigningKeys, DigestSigner, ListPublicKeysUseCase],
})
export class IntegrityModule {}
