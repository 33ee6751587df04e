/** Credentials a test acts with, as an AWS SDK would hold them. */
export interface TestCredentials {
  readonly accountId: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}
