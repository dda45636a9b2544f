import { Inject, Module, type DynamicModule, type ModuleMetadata, type OnApplicationShutdown } from '@nestjs/common';
import { READINESS_CHECKS } from '@rj/shared/service';
import { JobRunner, type JobRunnerOptions } from './job-runner';

export interface JobsModuleAsyncOptions {
  readonly imports?: ModuleMetadata['imports'];
  readonly inject?: readonly (string | symbol | (abstract new (...args: never[]) => unknown))[];
  /** Builds the runner's options, typically the registry with handlers bound to injected services. */
  readonly useFactory: (...deps: never[]) => JobRunnerOptions | Promise<JobRunnerOptions>;
}

/**
 * Provides a started JobRunner and closes it on shutdown (`app.enableShutdownHooks()`), which
 * closes workers before queues as architecture.md asks; and its Redis as a readiness check.
 */
@Module({})
export class JobsModule implements OnApplicationShutdown {
  constructor(@Inject(JobRunner) private readonly runner: JobRunner) {}

  static forRoot(options: JobRunnerOptions): DynamicModule {
    return JobsModule.forRootAsync({ useFactory: () => options });
  }

  static forRootAsync(options: JobsModuleAsyncOptions): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        {
          provide: JobRunner,
          inject: [...(options.inject ?? [])],
          useFactory: async (...deps: never[]) => {
            const runner = new JobRunner(await options.useFactory(...deps));
            await runner.start();
            return runner;
          },
        },
        {
          provide: READINESS_CHECKS,
          inject: [JobRunner],
          useFactory: (runner: JobRunner) => [runner.readinessCheck()],
        },
      ],
      exports: [JobRunner],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.close();
  }
}
