import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * STS GetSessionToken sessions: temporary credentials of an IAM user (`user_id`) or of an account's
 * root user (neither `role_id` nor `user_id`), beside AssumeRole's role sessions. A user's session
 * dies with the user, as a role's does with the role.
 */
export class AddUserStsSessions1765700000000 implements MigrationInterface {
  name = 'AddUserStsSessions1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sts_sessions ALTER COLUMN role_id DROP NOT NULL`);
    await q.query(`
      ALTER TABLE sts_sessions
        ADD COLUMN user_id text,
        ADD CONSTRAINT fk_sts_sessions_user FOREIGN KEY (user_id) REFERENCES iam_users (id) ON DELETE CASCADE,
        ADD CONSTRAINT ck_sts_sessions_one_owner CHECK (role_id IS NULL OR user_id IS NULL)`);
    await q.query(`CREATE INDEX ix_sts_sessions_user ON sts_sessions (user_id) WHERE user_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM sts_sessions WHERE role_id IS NULL`);
    await q.query(`DROP INDEX ix_sts_sessions_user`);
    await q.query(
      `ALTER TABLE sts_sessions DROP CONSTRAINT ck_sts_sessions_one_owner, DROP CONSTRAINT fk_sts_sessions_user, DROP COLUMN user_id`,
    );
    await q.query(`ALTER TABLE sts_sessions ALTER COLUMN role_id SET NOT NULL`);
  }
}
