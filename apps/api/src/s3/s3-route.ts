import { type OperationDefinition } from '@app/platform';
import { type AuthenticatedCaller } from '@app/identity';
import { type S3Request } from './s3-request';

/** What an S3 call answers: status, headers, and a body unless there is none (HEAD, 204). */
export interface S3Answer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string | AsyncIterable<Buffer>;
}

/**
 * One S3 operation on the wire: the operation it runs, its input from the request (mapped once the
 * caller is authenticated: streaming uploads are signed with its key), and its answer.
 */
export interface S3Route<I extends object = object, O = unknown> {
  readonly operation: OperationDefinition<I, O>;
  input(request: S3Request, signing: AuthenticatedCaller['signing']): object;
  answer(output: O, request: S3Request): S3Answer;
}

export function s3Route<I extends object, O>(
  operation: OperationDefinition<I, O>,
  input: S3Route<I, O>['input'],
  answer: S3Route<I, O>['answer'],
): S3Route {
  return { operation, input, answer };
}

export const XML = { 'content-type': 'application/xml' };
export const NO_CONTENT: S3Answer = { status: 204 };

/** A query parameter, or undefined when absent. */
export function param(request: S3Request, name: string): string | undefined {
  return request.query.get(name) ?? undefined;
}
