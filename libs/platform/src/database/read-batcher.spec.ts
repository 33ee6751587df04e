import { AsyncLocalStorage } from 'node:async_hooks';
import { ReadBatcher } from './read-batcher';

describe(ReadBatcher.name, () => {
  it('answers the lookups of one turn of the event loop with one load, each its own value', async () => {
    const loads: (readonly number[])[] = [];
    const sut = new ReadBatcher<number, string>(async (keys) => {
      loads.push(keys);
      return keys.map((key) => `value ${key}`);
    });

    const values = await Promise.all([sut.load(1), sut.load(2), sut.load(1)]);

    expect(values).toEqual(['value 1', 'value 2', 'value 1']);
    expect(loads).toEqual([[1, 2, 1]]);
  });

  it('loads afresh for lookups made after a batch went out', async () => {
    let calls = 0;
    const sut = new ReadBatcher<string, number>(async (keys) => keys.map(() => ++calls));

    expect(await sut.load('a')).toBe(1);
    expect(await sut.load('a')).toBe(2);
  });

  it('sends a full batch at once and starts another', async () => {
    const loads: (readonly number[])[] = [];
    const sut = new ReadBatcher<number, number>(async (keys) => {
      loads.push(keys);
      return keys;
    }, 2);

    expect(await Promise.all([sut.load(1), sut.load(2), sut.load(3)])).toEqual([1, 2, 3]);
    expect(loads).toEqual([[1, 2], [3]]);
  });

  it('holds the lookups made while a batch is out, and sends them together when it answers', async () => {
    const loads: (readonly number[])[] = [];
    let answer: () => void = () => undefined;
    const sut = new ReadBatcher<number, number>(async (keys) => {
      loads.push(keys);
      if (loads.length === 1) await new Promise<void>((resolve) => (answer = resolve));
      return keys;
    });

    const first = sut.load(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [sut.load(2), sut.load(3)];
    await new Promise((resolve) => setImmediate(resolve));
    later.push(sut.load(4));
    expect(loads).toEqual([[1]]);
    answer();

    expect(await Promise.all([first, ...later])).toEqual([1, 2, 3, 4]);
    expect(loads).toEqual([[1], [2, 3, 4]]);
  });

  it('sends up to maxInFlight batches at once, the lookups made meanwhile waiting for the first answer', async () => {
    const loads: (readonly number[])[] = [];
    const answers: Array<() => void> = [];
    const sut = new ReadBatcher<number, number>(
      async (keys) => {
        loads.push(keys);
        await new Promise<void>((resolve) => answers.push(resolve));
        return keys;
      },
      64,
      2,
    );

    const first = sut.load(1);
    await new Promise((resolve) => setImmediate(resolve));
    const second = sut.load(2);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [sut.load(3), sut.load(4)];
    await new Promise((resolve) => setImmediate(resolve));
    expect(loads).toEqual([[1], [2]]);
    answers[0]();

    expect(await first).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(loads).toEqual([[1], [2], [3, 4]]);
    answers[1]();
    answers[2]();
    expect(await Promise.all([second, ...later])).toEqual([2, 3, 4]);
  });

  it('fails every lookup of a failed batch', async () => {
    const sut = new ReadBatcher<number, number>(async () => {
      throw new Error('database unavailable');
    });

    const results = await Promise.allSettled([sut.load(1), sut.load(2)]);

    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });

  it('fails the batch when the load throws before returning a promise', async () => {
    const sut = new ReadBatcher<number, number>(() => {
      throw new Error('bad query');
    });

    await expect(sut.load(1)).rejects.toThrow('bad query');
  });

  it("loads outside the callers' async context", async () => {
    const ambient = new AsyncLocalStorage<string>();
    const seen: (string | undefined)[] = [];
    const sut = new ReadBatcher<number, number>(async (keys) => {
      seen.push(ambient.getStore());
      return keys;
    });

    await ambient.run('transaction of the first caller', () => Promise.all([sut.load(1), sut.load(2)]));

    expect(seen).toEqual([undefined]);
  });
});
