/**
 * Reading members of an input that has not passed validation yet (resources are computed before
 * its constraints are reported): a member of the wrong type reads as absent.
 */
export function textMember(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A list of strings; entries of another type are skipped (validation then refuses them). */
export function textMembers(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}

/**
 * `aws:RequestTag/<key>` and `aws:TagKeys` of the tags a request sets; entries that are not tags
 * are left to validation.
 */
export function requestTagConditions(
  list: unknown,
  keyMember = 'key',
  valueMember = 'value',
): Record<string, string | string[]> {
  if (!Array.isArray(list)) return {};
  const context: Record<string, string | string[]> = {};
  const tagKeys: string[] = [];
  for (const entry of list as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const tag = entry as Record<string, unknown>;
    const key = tag[keyMember];
    if (typeof key !== 'string') continue;
    tagKeys.push(key);
    const value = tag[valueMember];
    context[`aws:RequestTag/${key}`] = typeof value === 'string' ? value : '';
  }
  if (tagKeys.length > 0) context['aws:TagKeys'] = tagKeys;
  return context;
}
