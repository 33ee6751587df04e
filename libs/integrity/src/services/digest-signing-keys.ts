import { createPrivateKey, type KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, EnvSchema, SecretBox, TransactionRunner } from '@app/platform';
import { SigningRegionNotFoundError } from '../domain/integrity.errors';
import { firstKeyValidity, keySigningAt, type KeyValidity, nextKeyValidity } from '../domain/key-rotation';
import { type PublicKeyRecord, type TimeRange, validityOverlaps } from '../domain/public-key';
import { type DigestSigningKey } from '../domain/signed-digest';
import { SigningKeyRepository, type StoredSigningKey } from '../persistence/signing-key.repository';
import { generateSigningKeyPair } from '../signing/rsa-key-pair';
import { type PublicKeyDirectory } from '../verification/integrity-ports';

/**
 * Each Region's digest signing keys (delivery.md §5). A key exists for every moment since the Region
 * was launched: the key a moment needs is created on first use, and concurrent first users (in any
 * process) agree on one, because the key's generation is unique per Region and the loser reads the
 * winner's. Private keys are sealed with the master key and leave this class only as key objects.
 */
@Injectable()
export class DigestSigningKeys implements PublicKeyDirectory {
  /**
   * Each Region's keys as last read, oldest first. A stored key never changes and the key that signs
   * a moment never changes once it exists, so a key found here is the right one; only a moment past
   * the last known key needs the database.
   */
  private readonly known = new Map<string, readonly StoredSigningKey[]>();
  /** Opened private keys by fingerprint (a fingerprint always names the same key). */
  private readonly opened = new Map<string, KeyObject>();

  constructor(
    private readonly tx: TransactionRunner,
    private readonly keys: SigningKeyRepository,
    private readonly secrets: SecretBox,
    private readonly env: EnvSchema,
    private readonly clock: Clock,
  ) {}

  /** The key that signs the Region's digests whose interval ends at `at`. */
  async signingKeyAt(region: string, at: Date): Promise<DigestSigningKey> {
    const key = await this.keyAt(region, at);
    let privateKey = this.opened.get(key.fingerprint);
    if (privateKey === undefined) {
      privateKey = createPrivateKey(this.secrets.open(key.privateKeySealed));
      this.opened.set(key.fingerprint, privateKey);
    }
    return { fingerprint: key.fingerprint, privateKey };
  }

  /**
   * ListPublicKeys of a Region: its keys whose validity overlaps the range. The current key is made
   * first, so a Region answers before it signed anything.
   */
  async list(region: string, range: TimeRange): Promise<PublicKeyRecord[]> {
    await this.keyAt(region, this.clock.now());
    const keys = await this.read(region);
    return keys
      .map((key) => ({
        publicKeyDer: key.publicKeyDer,
        fingerprint: key.fingerprint,
        validityStartTime: key.validFrom,
        validityEndTime: key.validUntil,
      }))
      .filter((key) => validityOverlaps(key, range));
  }

  private async keyAt(region: string, at: Date): Promise<StoredSigningKey> {
    const cached = keySigningAt(this.known.get(region) ?? [], at);
    if (cached) return cached;
    for (;;) {
      const keys = await this.read(region);
      const found = keySigningAt(keys, at);
      if (found) return found;
      await this.create(region, await this.validityOfNextKey(region, keys, at));
    }
  }

  private async validityOfNextKey(
    region: string,
    keys: readonly StoredSigningKey[],
    at: Date,
  ): Promise<KeyValidity> {
    const rotationDays = this.env.TRAILPLANE_DIGEST_KEY_ROTATION_DAYS;
    const last = keys.at(-1);
    if (last) return nextKeyValidity(last, at, rotationDays);
    const launchedAt = await this.tx.read((em) => this.keys.regionLaunchedAt(em, region));
    if (launchedAt === undefined) throw new SigningRegionNotFoundError(region);
    return firstKeyValidity(launchedAt, at, rotationDays);
  }

  /** Stores a new key of that validity unless another caller stored that generation first. */
  private async create(region: string, validity: KeyValidity): Promise<void> {
    // Generated outside any transaction: RSA key generation takes a while.
    const pair = await generateSigningKeyPair();
    await this.tx.run((em) =>
      this.keys.insertUnlessTaken(em, {
        region,
        ...validity,
        fingerprint: pair.fingerprint,
        publicKeyDer: pair.publicKeyDer,
        privateKeySealed: this.secrets.seal(pair.privateKeyPem),
      }),
    );
  }

  /**
   * Keys read inside the caller's transaction may include one it created and has not committed:
   * they are remembered once it commits, never before (a rolled-back key must not sign again).
   */
  private async read(region: string): Promise<readonly StoredSigningKey[]> {
    const keys = await this.tx.read((em) => this.keys.listForRegion(em, region));
    await this.tx.afterCommit(() => {
      this.known.set(region, keys);
    });
    return keys;
  }
}
