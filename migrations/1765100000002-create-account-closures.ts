import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * CloseAccount: each closure of a member account (an account closes once; it stays SUSPENDED), when
 * it leaves the organization (after TRAILPLANE_ACCOUNT_CLOSURE_DAYS, by the periodic account-closure
 * task) and when it did. Rows outlive the membership: the closure quota counts the closures of the
 * last 30 days, departed or not.
 */
export class CreateAccountClosures1765100000002 implements MigrationInterface {
  name = 'CreateAccountClosures1765100000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organization_account_closures (
        account_id      char(12) NOT NULL,
        organization_id text NOT NULL,
        closed_at       timestamptz NOT NULL,
        departs_at      timestamptz NOT NULL,
        departed_at     timestamptz,
        CONSTRAINT pk_organization_account_closures PRIMARY KEY (account_id),
        CONSTRAINT fk_organization_account_closures_account FOREIGN KEY (account_id) REFERENCES accounts (id),
        CONSTRAINT fk_organization_account_closures_organization FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE,
        CONSTRAINT ck_organization_account_closures_departure CHECK (departs_at >= closed_at)
      )`);
    await q.query(
      `CREATE INDEX ix_organization_account_closures_recent ON organization_account_closures (organization_id, closed_at)`,
    );
    await q.query(
      `CREATE INDEX ix_organization_account_closures_due ON organization_account_closures (departs_at) WHERE departed_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE organization_account_closures`);
  }
}
