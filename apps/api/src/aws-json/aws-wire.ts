/**
 * A model shape as it travels in AWS JSON 1.1: timestamps are epoch seconds (decision 11), enums
 * are plain strings, and absent optional members are omitted rather than null. Output mappings are
 * typed `AwsWire<…Response>` of the `@aws-sdk/client-*` packages (types only) so member names
 * cannot drift from the model.
 */
export type AwsWire<T> = T extends Date
  ? number
  : T extends string
    ? string
    : T extends readonly (infer U)[]
      ? AwsWire<U>[]
      : T extends object
        ? { [K in keyof T]?: AwsWire<Exclude<T[K], undefined>> }
        : T;

/** The output of an operation whose model has none. */
export type AwsEmptyOutput = Record<string, never>;

/** An epoch-seconds timestamp member as a time; anything else is left for validation to refuse. */
export function fromEpochSeconds(value: unknown): unknown {
  return typeof value === 'number' ? new Date(value * 1000) : value;
}

/** Epoch seconds, the AWS JSON protocol's timestamp form (decision 11). */
export function epochSeconds(date: Date): number {
  return date.getTime() / 1000;
}

/** An optional timestamp in epoch seconds. */
export function optionalEpochSeconds(date: Date | null | undefined): number | undefined {
  return date ? epochSeconds(date) : undefined;
}
