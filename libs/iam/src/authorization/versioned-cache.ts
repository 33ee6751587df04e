/**
 * A bounded map of values loaded per key and version (the account's authorization generation). A
 * lookup with another version than the one stored reloads; concurrent lookups of one key and version
 * share one load. Entries are never invalidated: a committed change comes with a new version.
 */
export class VersionedCache<V> {
  private readonly entries = new Map<string, { readonly version: number; readonly value: V }>();
  private readonly loading = new Map<string, Promise<V>>();

  constructor(private readonly maxEntries: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The value stored for this key and version, without loading (the hot path's synchronous hit). */
  peek(key: string, version: number): V | undefined {
    const entry = this.entries.get(key);
    return entry !== undefined && entry.version === version ? entry.value : undefined;
  }

  async get(key: string, version: number, load: () => Promise<V>): Promise<V> {
    const entry = this.entries.get(key);
    if (entry !== undefined && entry.version === version) return entry.value;
    const flightKey = `${key}\u0000${version}`;
    let flight = this.loading.get(flightKey);
    if (flight === undefined) {
      flight = load().then(
        (value) => {
          this.loading.delete(flightKey);
          this.store(key, version, value);
          return value;
        },
        (error: unknown) => {
          this.loading.delete(flightKey);
          throw error;
        },
      );
      this.loading.set(flightKey, flight);
    }
    return flight;
  }

  private store(key: string, version: number, value: V): void {
    const current = this.entries.get(key);
    // An older load finishing late never replaces a newer version.
    if (current !== undefined && current.version > version) return;
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
}
