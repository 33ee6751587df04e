import { createHash } from 'node:crypto';
import { compilePolicy, type CompiledPolicy } from './compile-policy';
import { parsePolicyDocument } from './parse-policy-document';
import { type PolicyDocumentInput, type PolicyKind } from './policy-document';

/** A stored policy version. `(id, version)` names one immutable document: a new document gets a new version. */
export interface StoredPolicy {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly kind: PolicyKind;
  readonly document: PolicyDocumentInput;
}

/**
 * Compiled policies, least recently used first out. Two ways in:
 * - by `(id, version)` for stored policies: a write creates a new version, so entries never go stale and
 *   replicas need no invalidation message; `invalidate(id)` only frees memory early (e.g. on delete);
 * - by content for documents without a version (simulation cases, built-in rules): the key is a hash of
 *   the document, so equal documents compile once.
 */
export class PolicyCache {
  private readonly entries = new Map<
    string,
    { readonly id: string | undefined; readonly policy: CompiledPolicy }
  >();

  constructor(private readonly maxEntries = 10_000) {}

  get size(): number {
    return this.entries.size;
  }

  get(id: string, version: string): CompiledPolicy | undefined {
    return this.touch(versionKey(id, version));
  }

  /** Returns the compiled version, compiling it on first use. Throws `MalformedPolicyError`. */
  getOrCompile(stored: StoredPolicy): CompiledPolicy {
    const key = versionKey(stored.id, stored.version);
    return (
      this.touch(key) ??
      this.store(
        key,
        stored.id,
        compilePolicy(parsePolicyDocument(stored.document, stored.kind), stored.name),
      )
    );
  }

  /** Returns the compiled document, compiling it once per distinct content, kind and name. */
  getOrCompileDocument(kind: PolicyKind, name: string, document: PolicyDocumentInput): CompiledPolicy {
    const text = typeof document === 'string' ? document : JSON.stringify(document);
    const key = `doc\u0000${kind}\u0000${name}\u0000${createHash('sha256').update(text).digest('base64')}`;
    return (
      this.touch(key) ?? this.store(key, undefined, compilePolicy(parsePolicyDocument(document, kind), name))
    );
  }

  /** Drops every cached version of a stored policy. */
  invalidate(id: string): void {
    for (const [key, entry] of this.entries) {
      if (entry.id === id) this.entries.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  private touch(key: string): CompiledPolicy | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.policy;
  }

  private store(key: string, id: string | undefined, policy: CompiledPolicy): CompiledPolicy {
    this.entries.set(key, { id, policy });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    return policy;
  }
}

function versionKey(id: string, version: string): string {
  return `version\u0000${id}\u0000${version}`;
}
