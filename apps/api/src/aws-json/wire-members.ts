/** An AWS input with its members renamed for the operation, and the way back for messages. */
export interface WireMembers {
  readonly members: Record<string, unknown>;
  /** How the wire spells a member path of the renamed input (`tagsList.0.key` → `TagsList.0.Key`). */
  wireName(path: string): string;
}

/**
 * Renames an AWS input's members to camelCase (`S3BucketName` → `s3BucketName`), the operation's
 * member names; values (policy documents, tag values) are untouched.
 */
export function camelMembers(body: Record<string, unknown>): WireMembers {
  const spelled = new Map<string, string>();
  const rename = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rename);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, member]) => {
        const camel = key.charAt(0).toLowerCase() + key.slice(1);
        // Some members are camelCase on the wire too (DescribeTrails' `includeShadowTrails`).
        spelled.set(camel, key);
        return [camel, rename(member)];
      }),
    );
  };
  return {
    members: rename(body) as Record<string, unknown>,
    // A member the body did not send is named as the model names most: PascalCase.
    wireName: (path) =>
      path
        .split('.')
        .map((segment) => spelled.get(segment) ?? (/^\d+$/.test(segment) ? segment : pascal(segment)))
        .join('.'),
  };
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
