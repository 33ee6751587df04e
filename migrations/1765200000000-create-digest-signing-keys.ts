import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Each Region's chain of digest signing keys (delivery.md §5): generation 0 from the Region's
 * launch, each next one from when the one before stops signing. The private key is sealed with the
 * master key; the primary key on (region, generation) lets concurrent first users agree on one key.
 */
export class CreateDigestSigningKeys1765200000000 implements MigrationInterface {
  name = 'CreateDigestSigningKeys1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE digest_signing_keys (
        region             text NOT NULL,
        generation         integer NOT NULL,
        fingerprint        text NOT NULL,
        public_key_der     bytea NOT NULL,
        private_key_sealed text NOT NULL,
        valid_from         timestamptz NOT NULL,
        signs_until        timestamptz NOT NULL,
        valid_until        timestamptz NOT NULL,
        created_at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_digest_signing_keys PRIMARY KEY (region, generation),
        CONSTRAINT uq_digest_signing_keys_fingerprint UNIQUE (fingerprint),
        CONSTRAINT fk_digest_signing_keys_region FOREIGN KEY (region) REFERENCES regions (name),
        CONSTRAINT ck_digest_signing_keys_generation CHECK (generation >= 0),
        CONSTRAINT ck_digest_signing_keys_fingerprint CHECK (fingerprint ~ '^[0-9a-f]{32}$'),
        CONSTRAINT ck_digest_signing_keys_validity CHECK (valid_from < signs_until AND signs_until <= valid_until)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE digest_signing_keys`);
  }
}
