import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * `trail_replicas` keeps its foreign key to `trails` (deleting a trail deletes its replicas) and
 * loses the ones to `accounts` and `regions`: the reconciler writes a replica only for an account
 * and a Region it has just joined from those tables, and neither table ever loses a row (accounts
 * close, Regions are never removed). The two checks cost two trigger calls per replica written,
 * about 40 % of a 17,000-replica propagation pass, and protected nothing (PERFORMANCE.md P1, P10).
 */
export class DropDerivedReplicaForeignKeys1765850000000 implements MigrationInterface {
  name = 'DropDerivedReplicaForeignKeys1765850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE trail_replicas DROP CONSTRAINT fk_trail_replicas_account, DROP CONSTRAINT fk_trail_replicas_region`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE trail_replicas
         ADD CONSTRAINT fk_trail_replicas_account FOREIGN KEY (account_id) REFERENCES accounts (id),
         ADD CONSTRAINT fk_trail_replicas_region FOREIGN KEY (region) REFERENCES regions (name)`,
    );
  }
}
