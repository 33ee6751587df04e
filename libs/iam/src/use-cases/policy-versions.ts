import { IamValidationError } from '../domain/iam.errors';

const VERSION_ID = /^v[1-9][0-9]*(\.[A-Za-z0-9-]*)?$/;

/** `v1`, `v2`, …: anything else answers ValidationError. */
export function assertVersionId(versionId: string): void {
  if (!VERSION_ID.test(versionId)) {
    throw new IamValidationError(
      `1 validation error detected: Value '${versionId.slice(0, 100)}' at 'versionId' failed to satisfy constraint: Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?`,
    );
  }
}
