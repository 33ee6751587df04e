import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { TransactionRunner } from '@app/platform';
import { from, lastValueFrom, type Observable, tap } from 'rxjs';
import { ApiCallRecording } from './api-call-recording';
import { stateOf, type TrailplaneRequest } from './trailplane-request';

/**
 * Wraps each mutating operation in one transaction that its use cases join, so the change, its
 * event and its jobs commit together before the response is sent, or not at all. Reads are
 * recorded once answered. (Failures are recorded by the error filter.)
 */
@Injectable()
export class OperationInterceptor implements NestInterceptor {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly recording: ApiCallRecording,
  ) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = execution.switchToHttp().getRequest<TrailplaneRequest>();
    const state = stateOf(request);
    if (!state.context || !state.operation) return next.handle();
    if (state.operation.readOnly)
      return next.handle().pipe(tap((response) => this.recording.recordRead(request, response)));
    return from(
      this.tx.run(async (em) => {
        const response: unknown = await lastValueFrom(next.handle(), { defaultValue: undefined });
        await this.recording.recordChange(em, request, response);
        return response;
      }),
    );
  }
}
