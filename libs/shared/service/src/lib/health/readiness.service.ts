import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { READINESS_CHECKS, withTimeout, type ReadinessCheck } from './readiness-check';

export type CheckStatus = 'up' | 'down';

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, CheckStatus>;
  failed: string[];
}

// A check that hangs (an ioredis client with an endless offline queue) must not hang the probe.
const CHECK_TIMEOUT_MS = 3000;

@Injectable()
export class ReadinessService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Readiness');
  private checks: ReadinessCheck[] = [];

  constructor(private readonly modules: ModulesContainer) {}

  onApplicationBootstrap(): void {
    const found = new Set<ReadinessCheck>();
    for (const module of this.modules.values()) {
      const provided: unknown = module.providers.get(READINESS_CHECKS)?.instance;
      for (const check of [provided].flat()) if (isCheck(check)) found.add(check);
    }
    this.checks = [...found];
  }

  async report(): Promise<ReadinessReport> {
    const results = await Promise.all(
      this.checks.map(async (check) => {
        try {
          await withTimeout(check.check(), CHECK_TIMEOUT_MS, check.name);
          return [check.name, 'up'] as const;
        } catch (error) {
          // The reason goes to the log only: the probe is public and errors name hosts.
          this.logger.warn(
            `readiness check ${check.name} failed: ${error instanceof Error ? error.message : String(error)}`,
          );
          return [check.name, 'down'] as const;
        }
      }),
    );
    const failed = results.filter(([, status]) => status === 'down').map(([name]) => name);
    return { ready: failed.length === 0, checks: Object.fromEntries(results), failed };
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.checks.map((check) => check.close?.().catch(() => undefined)));
  }
}

const isCheck = (value: unknown): value is ReadinessCheck =>
  !!value &&
  typeof (value as ReadinessCheck).name === 'string' &&
  typeof (value as ReadinessCheck).check === 'function';
