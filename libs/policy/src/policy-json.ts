import { MalformedPolicyError } from './malformed-policy.error';

/** What the grammar checks share: AWS's catch-all reason, and the JSON shapes a document is made of. */
export const SYNTAX_ERROR = 'Syntax errors in policy.';

export type JsonObject = Readonly<Record<string, unknown>>;

export function fail(reason: string): never {
  throw new MalformedPolicyError(reason);
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
