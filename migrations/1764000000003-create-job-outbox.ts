import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Jobs not yet done: written in the transaction that causes them and deleted when their handler
 * finishes, so a crash, a lost enqueue or a Redis that lost its data never loses work.
 */
export class CreateJobOutbox1764000000003 implements MigrationInterface {
  name = 'CreateJobOutbox1764000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE job_outbox (
        id           text NOT NULL,
        name         text NOT NULL,
        payload      jsonb NOT NULL,
        available_at timestamptz NOT NULL DEFAULT now(),
        created_at   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_job_outbox PRIMARY KEY (id)
      )`);
    await q.query(`CREATE INDEX ix_job_outbox_available ON job_outbox (available_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE job_outbox`);
  }
}
