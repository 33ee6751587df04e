/** CloudTrail's placeholder for values it never records. */
export const REDACTED = 'HIDDEN_DUE_TO_SECURITY_REASONS';

/**
 * Keys whose values are secrets or could be replayed to bypass authentication, matched whatever
 * their case and separators (`SessionToken`, `session_token`, `X-Amz-Security-Token`).
 */
const SECRET_KEY =
  /^(secretAccessKey|secretKey|sessionToken|password|newPassword|oldPassword|authorization|privateKey|xAmzSecurityToken|xAmzSignature)$/i;

function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key.replace(/[-_]/g, ''));
}

/** A deep copy of `value` with every secret-bearing member replaced by the placeholder. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return value.toISOString();
  return Object.fromEntries(
    Object.entries(value).map(([key, member]) => [key, isSecretKey(key) ? REDACTED : redactSecrets(member)]),
  );
}
