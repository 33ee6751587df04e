import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * An invitation names its target party as the inviter gave it (InviteAccountToOrganization's
 * Target {Type, Id}): the handshake's Parties echo an EMAIL target as the address, not the id.
 */
export class AddHandshakeTargetParty1764000000002 implements MigrationInterface {
  name = 'AddHandshakeTargetParty1764000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE handshakes
        ADD COLUMN target_type  text NOT NULL DEFAULT 'ACCOUNT',
        ADD COLUMN target_email text,
        ADD CONSTRAINT ck_handshakes_target_type CHECK (target_type IN ('ACCOUNT', 'EMAIL')),
        ADD CONSTRAINT ck_handshakes_target_email CHECK ((target_type = 'EMAIL') = (target_email IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE handshakes
        DROP CONSTRAINT ck_handshakes_target_email,
        DROP CONSTRAINT ck_handshakes_target_type,
        DROP COLUMN target_email,
        DROP COLUMN target_type`);
  }
}
