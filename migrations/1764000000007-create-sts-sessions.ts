import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Temporary credentials issued by STS AssumeRole: the `ASIA…` key id, its secret sealed like
 * long-term keys' secrets, and a SHA-256 of the session token (the token itself is never stored).
 * A session dies with its role (cascade), so a re-created role of the same name starts afresh.
 */
export class CreateStsSessions1764000000007 implements MigrationInterface {
  name = 'CreateStsSessions1764000000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sts_sessions (
        id            text NOT NULL,
        account_id    char(12) NOT NULL,
        role_id       text NOT NULL,
        session_name  text NOT NULL,
        secret_sealed text NOT NULL,
        token_sha256  text NOT NULL,
        source_arn    text NOT NULL,
        created_at    timestamptz NOT NULL,
        expires_at    timestamptz NOT NULL,
        CONSTRAINT pk_sts_sessions PRIMARY KEY (id),
        CONSTRAINT fk_sts_sessions_account FOREIGN KEY (account_id) REFERENCES accounts (id),
        CONSTRAINT fk_sts_sessions_role FOREIGN KEY (role_id) REFERENCES iam_roles (id) ON DELETE CASCADE,
        CONSTRAINT ck_sts_sessions_lifetime CHECK (expires_at > created_at)
      )`);
    await q.query(`CREATE INDEX ix_sts_sessions_role ON sts_sessions (role_id)`);
    await q.query(`CREATE INDEX ix_sts_sessions_expires ON sts_sessions (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sts_sessions`);
  }
}
