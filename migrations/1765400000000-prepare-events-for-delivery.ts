import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * What log delivery needs of the event history. `txid` is the recording transaction
 * (`pg_current_xact_id()`) and `seq` its insertion order: delivery reads only events of
 * transactions below the snapshot's xmin, all finished, so a transaction that commits late can never
 * fall behind a delivery cursor. `management` keeps data events (never shown by LookupEvents) apart;
 * `organization_id` is the recipient account's organization when the event was recorded, which
 * decides the organization trails that cover it.
 */
export class PrepareEventsForDelivery1765400000000 implements MigrationInterface {
  name = 'PrepareEventsForDelivery1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE events ADD COLUMN management boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE events ADD COLUMN organization_id text`);
    await q.query(`ALTER TABLE events ADD COLUMN txid xid8 NOT NULL DEFAULT pg_current_xact_id()`);
    await q.query(`ALTER TABLE events ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY`);
    await q.query(`CREATE INDEX ix_events_delivery_account ON events (account_id, txid, seq)`);
    await q.query(
      `CREATE INDEX ix_events_delivery_organization ON events (organization_id, txid, seq) WHERE organization_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_events_delivery_organization`);
    await q.query(`DROP INDEX ix_events_delivery_account`);
    await q.query(
      `ALTER TABLE events DROP COLUMN seq, DROP COLUMN txid, DROP COLUMN organization_id, DROP COLUMN management`,
    );
  }
}
