/**
 * A policy document that breaks the grammar or a size limit of iam.md §5. `reason` is the text AWS puts
 * after the error code (`Syntax errors in policy.`, `Unknown field Foo`, …).
 *
 * This is not a `DomainError`: the code depends on who asked. IAM answers `MalformedPolicyDocument` (or
 * `LimitExceeded` when `exceededSizeLimit` is set), Organizations `MalformedPolicyDocumentException`.
 */
export class MalformedPolicyError extends Error {
  constructor(
    readonly reason: string,
    readonly details: {
      /** The limit in characters, when the document is too large rather than malformed. */
      readonly exceededSizeLimit?: number;
      /** Which policy of a simulation case was rejected. */
      readonly policyName?: string;
    } = {},
  ) {
    super(details.policyName === undefined ? reason : `Policy ${details.policyName}: ${reason}`);
    this.name = 'MalformedPolicyError';
  }
}
