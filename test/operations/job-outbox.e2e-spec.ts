import { BullmqJobQueue, JobName, JobQueue, jobIds, type OutboxEntry } from '@app/platform';
import { DataSource } from 'typeorm';
import { eventually, OPERATOR, TestApp } from '../support/test-app';

describe('the job outbox on BullMQ', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  const inOutbox = async (id: string): Promise<boolean> => {
    const rows: unknown[] = await app.get(DataSource).query(`SELECT 1 FROM job_outbox WHERE id = $1`, [id]);
    return rows.length > 0;
  };

  it('lets the relay clear the entry of a job that completed but whose removal was lost', async () => {
    const payload = { region: 'zz-relayed-1', optIn: false };
    const entry: OutboxEntry = {
      id: jobIds[JobName.RegionLaunched](payload),
      name: JobName.RegionLaunched,
      payload,
    };
    expect(
      (await app.rest(OPERATOR).post('/v1/regions', { name: payload.region, optIn: false })).status,
    ).toBe(201);
    await eventually(async () => ((await inOutbox(entry.id)) ? undefined : true));

    // The removal commits without a WAL flush of its own: a server crash may lose it.
    await app
      .get(DataSource)
      .query(`INSERT INTO job_outbox (id, name, payload, available_at) VALUES ($1, $2, $3, now())`, [
        entry.id,
        entry.name,
        JSON.stringify(payload),
      ]);
    const queue = app.get(JobQueue);
    expect(queue).toBeInstanceOf(BullmqJobQueue);
    await (queue as BullmqJobQueue).repush(entry);

    expect(await inOutbox(entry.id)).toBe(false);
  });
});
