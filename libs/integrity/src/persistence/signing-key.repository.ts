import { Injectable } from '@nestjs/common';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { type KeyValidity } from '../domain/key-rotation';

/** A Region's signing key as stored: its validity, its public half, its sealed private half. */
export interface StoredSigningKey extends KeyValidity {
  readonly region: string;
  readonly fingerprint: string;
  /** PKCS#1 `RSAPublicKey` DER. */
  readonly publicKeyDer: Buffer;
  readonly privateKeySealed: string;
}

interface SigningKeyRow {
  region: string;
  generation: number;
  fingerprint: string;
  public_key_der: Buffer;
  private_key_sealed: string;
  valid_from: Date;
  signs_until: Date;
  valid_until: Date;
}

const COLUMNS =
  'region, generation, fingerprint, public_key_der, private_key_sealed, valid_from, signs_until, valid_until';

/** Digest signing keys, one contiguous chain per Region (pk_digest_signing_keys on region + generation). */
@Injectable()
export class SigningKeyRepository {
  /** The Region's keys, oldest first. */
  async listForRegion(em: EntityManager, region: string): Promise<StoredSigningKey[]> {
    const { rows } = await sql<SigningKeyRow>(
      em,
      `SELECT ${COLUMNS} FROM digest_signing_keys WHERE region = $1 ORDER BY generation`,
      [region],
    );
    return rows.map(toStoredSigningKey);
  }

  /** When the Region was launched; undefined when there is no such Region. */
  async regionLaunchedAt(em: EntityManager, region: string): Promise<Date | undefined> {
    const { rows } = await sql<{ launched_at: Date }>(em, `SELECT launched_at FROM regions WHERE name = $1`, [
      region,
    ]);
    return rows[0]?.launched_at;
  }

  /** Stores the key unless the Region already has one of that generation; true when stored. */
  async insertUnlessTaken(em: EntityManager, key: StoredSigningKey): Promise<boolean> {
    const { rowCount } = await sql(
      em,
      `INSERT INTO digest_signing_keys (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (region, generation) DO NOTHING`,
      [
        key.region,
        key.generation,
        key.fingerprint,
        key.publicKeyDer,
        key.privateKeySealed,
        key.validFrom,
        key.signsUntil,
        key.validUntil,
      ],
    );
    return rowCount === 1;
  }
}

function toStoredSigningKey(row: SigningKeyRow): StoredSigningKey {
  return {
    region: row.region,
    generation: row.generation,
    fingerprint: row.fingerprint,
    publicKeyDer: row.public_key_der,
    privateKeySealed: row.private_key_sealed,
    validFrom: row.valid_from,
    signsUntil: row.signs_until,
    validUntil: row.valid_until,
  };
}
