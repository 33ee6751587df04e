import { type CompiledPolicy, type PolicyCache, type StoredPolicy } from '@app/policy';

/** A path of bounding policies (SCPs or RCPs), compiled, root level first. */
export type CompiledPath = readonly (readonly CompiledPolicy[])[];

/** Compiles a stored policy through the shared cache (once per id and version). */
export function compileStored(cache: PolicyCache, policy: StoredPolicy): CompiledPolicy {
  try {
    return cache.getOrCompile(policy);
  } catch (error) {
    // Documents are validated on write: a stored one that does not compile is our fault.
    throw new Error(`Stored policy ${policy.name} (${policy.id}@${policy.version}) does not compile`, {
      cause: error,
    });
  }
}

export function compilePath(cache: PolicyCache, path: readonly (readonly StoredPolicy[])[]): CompiledPath {
  return path.map((level) => level.map((policy) => compileStored(cache, policy)));
}
