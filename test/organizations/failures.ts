import { type Response } from 'supertest';

/** What a test asserts about a failed call, the same for both transports. */
export interface Failure {
  readonly name: string;
  readonly status: number | undefined;
  /** The Organizations `Reason` member, when the error has one. */
  readonly reason?: string;
}

/** The error an AWS SDK call rejected with: its `name`, HTTP status and `Reason`. */
export async function awsFailure(call: Promise<unknown>): Promise<Failure> {
  try {
    await call;
  } catch (error) {
    const e = error as { name: string; $metadata?: { httpStatusCode?: number }; Reason?: string };
    return {
      name: e.name,
      status: e.$metadata?.httpStatusCode,
      ...(e.Reason === undefined ? {} : { reason: e.Reason }),
    };
  }
  throw new Error('expected the call to fail, and it succeeded');
}

/** The REST error body `{"error": {code, message, requestId, reason?}}` as a Failure. */
export function restFailure(response: Response): Failure {
  const error = (response.body as { error?: { code: string; reason?: string } }).error;
  if (!error) throw new Error(`expected an error, got ${response.status} ${JSON.stringify(response.body)}`);
  return {
    name: error.code,
    status: response.status,
    ...(error.reason === undefined ? {} : { reason: error.reason }),
  };
}
