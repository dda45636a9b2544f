import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { AUDIT_DATABASE } from '@rj/audit/data-access';
import { createDataSource } from '@rj/shared/persistence';
import { ProblemException, SERVICE_CONFIG } from '@rj/shared/service';
import type { AuditLedgerEnv } from '../audit-ledger.env';

/** How long a refused client is asked to wait: streams last seconds to minutes. */
export const STREAM_RETRY_AFTER_SECONDS = 10;

/** 429: every stream slot is taken; the client retries after Retry-After seconds. */
export class TooManyStreams extends ProblemException {
  constructor(limit: number) {
    super({
      type: 'urn:rj:problem:too-many-streams',
      title: 'Too many streams',
      status: 429,
      detail: `${limit} replays, exports or verifications are running already; try again in ${STREAM_RETRY_AFTER_SECONDS} seconds`,
    });
  }
}

/**
 * Replay, export and verify each hold a database connection for the whole of a stream that
 * may last minutes. They get a pool of their own — AUDIT_STREAM_CONCURRENCY connections for
 * requests plus AUDIT_VERIFICATION_CONCURRENCY for background verification runs — so slow
 * readers can never take the connections ingestion and ordinary reads need. A request beyond
 * the limit is refused at once (429 with Retry-After) instead of queueing on the pool.
 */
@Injectable()
export class LedgerStreamPool implements OnApplicationShutdown {
  readonly dataSource: DataSource;
  readonly limit: number;
  private active = 0;
  private initialising?: Promise<unknown>;

  constructor(@Inject(SERVICE_CONFIG) config: AuditLedgerEnv) {
    this.limit = config.AUDIT_STREAM_CONCURRENCY;
    this.dataSource = createDataSource({
      url: config.DATABASE_URL,
      entities: AUDIT_DATABASE.entities,
      poolSize: config.AUDIT_STREAM_CONCURRENCY + config.AUDIT_VERIFICATION_CONCURRENCY,
      applicationName: 'audit-ledger-streams',
    });
  }

  /** The pool, connected on first use (most processes never stream). */
  async ready(): Promise<DataSource> {
    if (!this.dataSource.isInitialized) await (this.initialising ??= this.dataSource.initialize());
    return this.dataSource;
  }

  /** Takes a stream slot or refuses with 429; call the returned function when the stream ends. */
  admit(response?: { setHeader(name: string, value: string): unknown }): () => void {
    if (this.active >= this.limit) {
      response?.setHeader('Retry-After', String(STREAM_RETRY_AFTER_SECONDS));
      throw new TooManyStreams(this.limit);
    }
    this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
    };
  }

  get inUse(): number {
    return this.active;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.initialising?.catch(() => undefined);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
