import { Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createDataSource, runMigrations, type DataSourceOptions } from './data-source.factory';

export interface DatabaseModuleOptions extends DataSourceOptions {
  /** Apply pending migrations at start-up (development convenience; production runs the migration job). */
  migrateOnStart?: boolean;
}

const OPTIONS = Symbol('rj:database-options');

/** Closes the pool last: after consumers, workers and the relay stopped (onModuleDestroy). */
@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  constructor(private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * Provides the service's TypeORM DataSource (initialised, injectable by its class) to every
 * module. One database per service; the schema comes from migrations only.
 */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [
        { provide: OPTIONS, useValue: options },
        {
          provide: DataSource,
          inject: [OPTIONS],
          useFactory: async (opts: DatabaseModuleOptions) => {
            const dataSource = createDataSource(opts);
            await dataSource.initialize();
            if (opts.migrateOnStart) await runMigrations(dataSource);
            return dataSource;
          },
        },
        DataSourceCloser,
      ],
      exports: [DataSource],
    };
  }
}
