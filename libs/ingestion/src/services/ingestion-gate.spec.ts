import { type EnvSchema, ThrottledError } from '@app/platform';
import { IngestionGate } from './ingestion-gate';

describe(IngestionGate.name, () => {
  it('lets half the pool write, queues a few batches per writer, and throttles the rest', async () => {
    const gate = new IngestionGate({ DATABASE_POOL_SIZE: 2 } as EnvSchema);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const order: number[] = [];
    const writing = gate.run(() => held.then(() => order.push(0)));
    const queued = [1, 2, 3, 4].map((n) => gate.run(async () => order.push(n)));
    await expect(gate.run(async () => 5)).rejects.toBeInstanceOf(ThrottledError);
    release();
    await Promise.all([writing, ...queued]);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    await expect(gate.run(async () => 'free again')).resolves.toBe('free again');
  });

  it('throttles a batch that waited too long', async () => {
    jest.useFakeTimers();
    try {
      const gate = new IngestionGate({ DATABASE_POOL_SIZE: 1 } as EnvSchema);
      void gate.run(() => new Promise(() => undefined));
      const waiting = gate.run(async () => 'never');
      jest.advanceTimersByTime(2_001);
      await expect(waiting).rejects.toBeInstanceOf(ThrottledError);
    } finally {
      jest.useRealTimers();
    }
  });
});
