import { rootPrincipal } from '@app/identity';
import { isDomainError, type RequestContext } from '@app/platform';
import { type TestCredentials } from '../../support/credentials';

/** The request context of a call made by an account's root user, as the transports build it. */
export function rootContext(credentials: TestCredentials): RequestContext {
  return {
    requestId: `use-case-${Math.random().toString(36).slice(2, 10)}`,
    principal: rootPrincipal('aws', credentials.accountId, credentials.accessKeyId, false),
    accountId: credentials.accountId,
    region: 'us-east-1',
    partition: 'aws',
    sourceIp: '127.0.0.1',
    userAgent: 'use-case-test',
    receivedAt: new Date(),
    secureTransport: true,
  };
}

/** What a test asserts about a use case's failure: its code, the `Reason` when it has one, and its message. */
export interface UseCaseFailure {
  readonly code: string;
  readonly reason?: string;
  readonly message: string;
}

export async function failureOf(call: Promise<unknown>): Promise<UseCaseFailure> {
  try {
    await call;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const reason = error.fields.Reason;
    return { code: error.code, ...(reason === undefined ? {} : { reason }), message: error.message };
  }
  throw new Error('expected the call to fail, and it succeeded');
}
