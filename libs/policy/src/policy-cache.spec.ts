import { MalformedPolicyError } from './malformed-policy.error';
import { PolicyCache, type StoredPolicy } from './policy-cache';

const readOnly: StoredPolicy = {
  id: 'ANPAREADONLY',
  version: 'v1',
  name: 'ReadOnly',
  kind: 'identity',
  document: {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'cloudtrail:Get*', Resource: '*' }],
  },
};

describe(PolicyCache.name, () => {
  it('compiles each version of a stored policy once', () => {
    const sut = new PolicyCache();
    const first = sut.getOrCompile(readOnly);
    expect(sut.getOrCompile(readOnly)).toBe(first);
    expect(sut.get('ANPAREADONLY', 'v1')).toBe(first);
    expect(sut.get('ANPAREADONLY', 'v2')).toBeUndefined();
    const second = sut.getOrCompile({
      ...readOnly,
      version: 'v2',
      document: JSON.stringify(readOnly.document),
    });
    expect(second).not.toBe(first);
    expect(sut.size).toBe(2);
  });

  it('drops every version of a policy on invalidate, and nothing else', () => {
    const sut = new PolicyCache();
    sut.getOrCompile(readOnly);
    sut.getOrCompile({ ...readOnly, version: 'v2' });
    const other = sut.getOrCompile({ ...readOnly, id: 'ANPAOTHER' });
    sut.invalidate('ANPAREADONLY');
    expect(sut.get('ANPAREADONLY', 'v1')).toBeUndefined();
    expect(sut.get('ANPAREADONLY', 'v2')).toBeUndefined();
    expect(sut.get('ANPAOTHER', 'v1')).toBe(other);
  });

  it('compiles equal documents once, per kind and name', () => {
    const sut = new PolicyCache();
    const first = sut.getOrCompileDocument('identity', 'p0', readOnly.document);
    expect(sut.getOrCompileDocument('identity', 'p0', structuredClone(readOnly.document))).toBe(first);
    expect(sut.getOrCompileDocument('identity', 'p1', readOnly.document)).not.toBe(first);
    expect(sut.getOrCompileDocument('scp', 'p0', readOnly.document)).not.toBe(first);
  });

  it('forgets the least recently used entry beyond its capacity', () => {
    const sut = new PolicyCache(2);
    sut.getOrCompile({ ...readOnly, version: 'v1' });
    sut.getOrCompile({ ...readOnly, version: 'v2' });
    sut.get('ANPAREADONLY', 'v1');
    sut.getOrCompile({ ...readOnly, version: 'v3' });
    expect(sut.size).toBe(2);
    expect(sut.get('ANPAREADONLY', 'v1')).toBeDefined();
    expect(sut.get('ANPAREADONLY', 'v2')).toBeUndefined();
  });

  it('stores nothing for a malformed document', () => {
    const sut = new PolicyCache();
    expect(() => sut.getOrCompile({ ...readOnly, document: '{' })).toThrow(MalformedPolicyError);
    expect(sut.size).toBe(0);
  });

  it('empties on clear()', () => {
    const sut = new PolicyCache();
    sut.getOrCompile(readOnly);
    sut.clear();
    expect(sut.size).toBe(0);
  });
});
