import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isSerializationFailure } from './sql-errors';

interface AmbientTransaction {
  readonly em: EntityManager;
  readonly afterCommit: Array<() => Promise<void> | void>;
  readonly beforeCommit: Array<(em: EntityManager) => Promise<void>>;
}

/**
 * Runs work in one PostgreSQL transaction that travels with the request: a use case called inside
 * an operation's transaction joins it instead of opening another, so the change, its audit event
 * and its follow-up jobs commit together (jobs are enqueued after the commit).
 */
@Injectable()
export class TransactionRunner {
  private readonly ambient = new AsyncLocalStorage<AmbientTransaction>();

  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const current = this.ambient.getStore();
    if (current) return work(current.em);
    const afterCommit: AmbientTransaction['afterCommit'] = [];
    const result = await this.dataSource.transaction(async (em) => {
      const tx: AmbientTransaction = { em, afterCommit, beforeCommit: [] };
      // Hooks run in the transaction's context too, so what they enqueue joins it.
      return this.ambient.run(tx, async () => {
        const value = await work(em);
        for (const hook of tx.beforeCommit) await hook(em);
        return value;
      });
    });
    for (const hook of afterCommit) await hook();
    return result;
  }

  /**
   * `run`, retried (up to `attempts` in all) when PostgreSQL chose it as a deadlock's victim or
   * refused it for serialization: the transaction rolled back whole, so running it again is safe.
   * Joining a surrounding transaction, it does not retry (that transaction is lost either way).
   */
  async runRetrying<T>(work: (em: EntityManager) => Promise<T>, attempts = 3): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.run(work);
      } catch (error) {
        if (!isSerializationFailure(error) || attempt >= attempts || this.inTransaction) throw error;
      }
    }
  }

  /** Reads with the current transaction when there is one, else with a pooled connection. */
  read<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const current = this.ambient.getStore();
    return work(current ? current.em : this.dataSource.manager);
  }

  /** Runs `hook` once the surrounding transaction has committed, or now when there is none. */
  async afterCommit(hook: () => Promise<void> | void): Promise<void> {
    const current = this.ambient.getStore();
    if (current) current.afterCommit.push(hook);
    else await hook();
  }

  /** Runs `hook` inside the surrounding transaction just before it commits (no-op outside one). */
  beforeCommit(hook: (em: EntityManager) => Promise<void>): boolean {
    const current = this.ambient.getStore();
    if (!current) return false;
    current.beforeCommit.push(hook);
    return true;
  }

  get inTransaction(): boolean {
    return this.ambient.getStore() !== undefined;
  }
}
