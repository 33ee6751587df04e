import { type DataSource, type EntityManager } from 'typeorm';
import { TransactionRunner } from './transaction';

const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });
const dataSource = {
  transaction: (work: (em: EntityManager) => Promise<unknown>) => work({} as EntityManager),
} as unknown as DataSource;

describe(TransactionRunner.prototype.runRetrying.name, () => {
  it('runs a deadlock’s victim again, up to the attempts given', async () => {
    const runner = new TransactionRunner(dataSource);
    let calls = 0;
    const value = await runner.runRetrying(() =>
      ++calls < 3 ? Promise.reject(deadlock) : Promise.resolve('done'),
    );
    expect([value, calls]).toEqual(['done', 3]);

    calls = 0;
    await expect(runner.runRetrying(() => (++calls, Promise.reject(deadlock)), 2)).rejects.toBe(deadlock);
    expect(calls).toBe(2);
  });

  it('does not retry other errors, nor inside a surrounding transaction', async () => {
    const runner = new TransactionRunner(dataSource);
    let calls = 0;
    const other = new Error('no');
    await expect(runner.runRetrying(() => (++calls, Promise.reject(other)))).rejects.toBe(other);
    await expect(
      runner.run(() => runner.runRetrying(() => (++calls, Promise.reject(deadlock)))),
    ).rejects.toBe(deadlock);
    expect(calls).toBe(2);
  });
});
