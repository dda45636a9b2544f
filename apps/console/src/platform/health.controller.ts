import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import type Redis from 'ioredis';
import { PublicPage } from '../auth/access';
import { SESSION_REDIS } from './tokens';

/** Liveness, and readiness: sessions live in Redis, so without it nobody can sign in. */
@Controller('health')
@PublicPage()
export class HealthController {
  constructor(@Inject(SESSION_REDIS) private readonly redis: Redis) {}

  @Get('live')
  @HttpCode(200)
  live(): { status: string } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(): Promise<{ status: string }> {
    try {
      await this.redis.ping();
      return { status: 'ok' };
    } catch {
      throw new ServiceUnavailableException('Redis is not reachable');
    }
  }
}
