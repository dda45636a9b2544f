import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type Redis from 'ioredis';
import { startTracing } from '@rj/shared/service';
import { validateConsoleConfig } from './console.env';
import { ConsoleModule } from './console.module';
import { configureConsole } from './platform/configure-console';
import { SESSION_REDIS } from './platform/tokens';

async function main(): Promise<void> {
  const { config, errors } = validateConsoleConfig(process.env);
  if (!config) {
    process.stderr.write(`${errors.join('\n')}\n`);
    process.exit(1);
  }
  // Off unless OTEL_* asks for it (docs/operations/tracing.md), as in the services.
  startTracing({ serviceName: 'console' });
  const logLevels =
    config.LOG_LEVEL === 'silent'
      ? false
      : (['error', 'warn', ...(['info', 'debug', 'trace'].includes(config.LOG_LEVEL) ? ['log' as const] : [])] as (
          'error' | 'warn' | 'log'
        )[]);
  const app = await NestFactory.create<NestExpressApplication>(ConsoleModule.register(config), {
    bodyParser: false,
    logger: logLevels,
  });
  configureConsole(app, config, app.get<Redis>(SESSION_REDIS));
  app.enableShutdownHooks();
  await app.listen(config.PORT, config.HOST);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  new Logger('console').log(`console listening on http://${config.HOST}:${port}`);
  // Tests start the console on port 0 and read the real one from this line.
  if (process.send) process.send({ ready: true, port });
}

void main();
