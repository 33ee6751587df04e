import { type DataSource, type EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction';
import { JobName } from './job-names';
import { type JobOutbox, type OutboxEntry } from './job-outbox';
import { OutboxJobQueue } from './job-queue';

type Step = readonly [string, ...unknown[]];

/** Records, in order, the outbox writes, the commit and the pushes. */
class RecordingQueue extends OutboxJobQueue {
  constructor(
    tx: TransactionRunner,
    outbox: JobOutbox,
    private readonly steps: Step[],
  ) {
    super(tx, outbox);
  }

  async push(entry: OutboxEntry, delayMs: number): Promise<void> {
    this.steps.push(['push', entry.id, delayMs]);
  }

  async isReachable(): Promise<boolean> {
    return true;
  }
}

function setUp(): { tx: TransactionRunner; queue: RecordingQueue; steps: Step[] } {
  const steps: Step[] = [];
  const em = {} as EntityManager;
  const dataSource = {
    manager: em,
    transaction: async (work: (em: EntityManager) => Promise<unknown>) => {
      const value = await work({} as EntityManager);
      steps.push(['commit']);
      return value;
    },
  } as unknown as DataSource;
  const outbox = {
    record: async (_em: EntityManager, entry: OutboxEntry) => void steps.push(['record', entry.id]),
    recordMany: async (_em: EntityManager, entries: readonly OutboxEntry[]) =>
      void steps.push(['recordMany', entries.map((e) => e.id)]),
  } as unknown as JobOutbox;
  const tx = new TransactionRunner(dataSource);
  return { tx, queue: new RecordingQueue(tx, outbox, steps), steps };
}

const launched = (region: string) => ({ region, optIn: false });

describe('OutboxJobQueue.enqueue', () => {
  it('records the jobs of a transaction in one statement per delay before the commit, and pushes them after', async () => {
    const { tx, queue, steps } = setUp();

    await tx.run(async () => {
      await queue.enqueue(JobName.RegionLaunched, launched('xx-a-1'));
      await queue.enqueue(JobName.RegionLaunched, launched('xx-b-1'), { delayMs: 500 });
      await queue.enqueue(JobName.RegionLaunched, launched('xx-c-1'));
      expect(steps).toEqual([]);
    });

    expect(steps).toEqual([
      ['recordMany', ['region-launched.xx-a-1', 'region-launched.xx-c-1']],
      ['recordMany', ['region-launched.xx-b-1']],
      ['commit'],
      ['push', 'region-launched.xx-a-1', 0],
      ['push', 'region-launched.xx-c-1', 0],
      ['push', 'region-launched.xx-b-1', 500],
    ]);
  });

  it('records and pushes nothing when the transaction fails', async () => {
    const { tx, queue, steps } = setUp();

    await expect(
      tx.run(async () => {
        await queue.enqueue(JobName.RegionLaunched, launched('xx-a-1'));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');

    expect(steps).toEqual([]);
  });

  it('outside a transaction records the job in one of its own, then pushes it', async () => {
    const { queue, steps } = setUp();

    await queue.enqueue(JobName.RegionLaunched, launched('xx-a-1'));

    expect(steps).toEqual([
      ['record', 'region-launched.xx-a-1'],
      ['commit'],
      ['push', 'region-launched.xx-a-1', 0],
    ]);
  });
});
