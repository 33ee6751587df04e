/**
 * Deep key-case conversion between the AWS wire shapes (PascalCase members) and the camelCase
 * shapes of the domain and REST, for nested structures whose members map one to one (selectors).
 */
export function pascalKeys<T>(value: T): unknown {
  return convertKeys(value, (key) => key.charAt(0).toUpperCase() + key.slice(1));
}

export function camelKeys<T>(value: unknown): T {
  return convertKeys(value, (key) => key.charAt(0).toLowerCase() + key.slice(1)) as T;
}

function convertKeys(value: unknown, convert: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => convertKeys(item, convert));
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .map(([key, member]) => [convert(key), convertKeys(member, convert)]),
  );
}

/** Epoch seconds, the AWS JSON protocol's timestamp form (decision 11). */
export function epochSeconds(date: Date | null | undefined): number | undefined {
  return date ? date.getTime() / 1000 : undefined;
}
