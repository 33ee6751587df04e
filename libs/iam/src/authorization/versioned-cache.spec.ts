import { VersionedCache } from './versioned-cache';

describe(VersionedCache.name, () => {
  it('loads once per key and version, sharing a load in flight', async () => {
    const sut = new VersionedCache<string>(10);
    let loads = 0;
    const load = async () => `value-${++loads}`;
    const [a, b] = await Promise.all([sut.get('k', 1, load), sut.get('k', 1, load)]);
    expect([a, b, await sut.get('k', 1, load)]).toEqual(['value-1', 'value-1', 'value-1']);
    expect(await sut.get('k', 2, load)).toBe('value-2');
    expect(loads).toBe(2);
  });

  it('never lets a late load of an older version replace a newer one', async () => {
    const sut = new VersionedCache<string>(10);
    let release: (value: string) => void = () => undefined;
    const slowOld = sut.get('k', 1, () => new Promise<string>((resolve) => (release = resolve)));
    await sut.get('k', 2, async () => 'new');
    release('old');
    expect(await slowOld).toBe('old');
    expect(await sut.get('k', 2, async () => 'reloaded')).toBe('new');
  });

  it('forgets a failed load and evicts the oldest entry beyond its size', async () => {
    const sut = new VersionedCache<number>(2);
    await expect(sut.get('k', 1, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await sut.get('k', 1, async () => 1)).toBe(1);
    await sut.get('b', 1, async () => 2);
    await sut.get('c', 1, async () => 3);
    expect(sut.size).toBe(2);
    expect(await sut.get('k', 1, async () => 10)).toBe(10);
  });
});
