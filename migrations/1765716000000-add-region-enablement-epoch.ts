import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * `regions.enablement_epoch`: opt-in changes of one Region are reconciled together, one pass per
 * epoch (see `RegionRepository.enablementEpoch`), instead of one pass per EnableRegion call.
 */
export class AddRegionEnablementEpoch1765716000000 implements MigrationInterface {
  name = 'AddRegionEnablementEpoch1765716000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE regions ADD COLUMN enablement_epoch bigint NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE regions DROP COLUMN enablement_epoch`);
  }
}
