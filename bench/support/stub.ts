/**
 * Replaces one member of a live object for a benchmark variant (a seam of the running API, such as
 * event recording or the quota check, turned off to measure what it costs) and returns the
 * function that puts it back. Benchmarks only: the application itself has no such switches.
 */
export function stub<T extends object, K extends keyof T>(
  instance: T,
  key: K,
  replacement: T[K],
): () => void {
  const own = Object.prototype.hasOwnProperty.call(instance, key);
  const previous = instance[key];
  instance[key] = replacement;
  return () => {
    if (own) instance[key] = previous;
    else Reflect.deleteProperty(instance, key);
  };
}
