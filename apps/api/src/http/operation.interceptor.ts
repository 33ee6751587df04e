import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { TransactionRunner } from '@app/platform';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { stateOf, type TrailplaneRequest } from './trailplane-request';

/**
 * Wraps each mutating operation in one transaction that its use cases join, so the change commits
 * (and its jobs are enqueued) before the response is sent, or not at all.
 */
@Injectable()
export class OperationInterceptor implements NestInterceptor {
  constructor(private readonly tx: TransactionRunner) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const state = stateOf(execution.switchToHttp().getRequest<TrailplaneRequest>());
    if (!state.context || !state.operation || state.operation.readOnly) return next.handle();
    return from(this.tx.run(() => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }
}
