import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * `trail_replicas` loses its last foreign key, to `trails`; deleting trails still deletes their
 * replicas, now through a statement-level trigger over the deleted rows. The key's check ran once
 * per replica written (a lookup and a row lock of the trail, in a trigger call each), more than the
 * row's own insert in the small ReconcileTrail passes (PERFORMANCE.md P10), and protected nothing:
 * every writer of a trail's replicas holds the trail's row first and writes replicas only of trails
 * it has just read (`ReplicaReconciler.lockTrails`), so a trail cannot go while they are written,
 * and its deletion, waiting for that lock, sees them and removes them.
 */
export class ReplaceReplicaTrailForeignKey1766040000000 implements MigrationInterface {
  name = 'ReplaceReplicaTrailForeignKey1766040000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE trail_replicas DROP CONSTRAINT fk_trail_replicas_trail`);
    await q.query(`
      CREATE FUNCTION trails_deleted_drop_replicas() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM trail_replicas WHERE trail_id IN (SELECT id FROM deleted_trails);
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER tr_trails_drop_replicas AFTER DELETE ON trails
       REFERENCING OLD TABLE AS deleted_trails
       FOR EACH STATEMENT EXECUTE FUNCTION trails_deleted_drop_replicas()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tr_trails_drop_replicas ON trails`);
    await q.query(`DROP FUNCTION trails_deleted_drop_replicas()`);
    await q.query(
      `ALTER TABLE trail_replicas
         ADD CONSTRAINT fk_trail_replicas_trail FOREIGN KEY (trail_id) REFERENCES trails (id) ON DELETE CASCADE`,
    );
  }
}
