import { expect } from '@jest/globals';
import { type TestCredentials } from './credentials';
import { OPERATOR, type TestApp } from './test-app';

let sequence = 0;

export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid.toString(36)}${Date.now().toString(36)}${(sequence++).toString(36)}`;
}

/** Builds each test's own world through the public API, with fresh names and ids. */
export const given = {
  /** A standalone account created by the partition operator, with its root credentials. */
  async account(app: TestApp, name = uniqueName('acct')): Promise<TestCredentials & { email: string }> {
    const email = `${name}@example.com`;
    const response = await app.rest(OPERATOR).post('/v1/accounts', { name: name.slice(0, 50), email });
    expect(response.status).toBe(201);
    const body = response.body as { accountId: string; accessKeyId: string; secretAccessKey: string };
    return {
      accountId: body.accountId,
      accessKeyId: body.accessKeyId,
      secretAccessKey: body.secretAccessKey,
      email,
    };
  },
};
