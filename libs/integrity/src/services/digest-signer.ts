import { Injectable } from '@nestjs/common';
import { type DigestFacts } from '../domain/digest-document';
import { createSignedDigest, type SignedDigest } from '../domain/signed-digest';
import { DigestSigningKeys } from './digest-signing-keys';

/**
 * Signs a digest with the key of the Region whose log files it covers, chosen by the digest's END
 * time, so a digest delivered late is still signed by a key ListPublicKeys returns for its interval.
 */
@Injectable()
export class DigestSigner {
  constructor(private readonly keys: DigestSigningKeys) {}

  async sign(facts: DigestFacts): Promise<SignedDigest> {
    return createSignedDigest(facts, await this.keys.signingKeyAt(facts.scope.region, facts.endTime));
  }
}
