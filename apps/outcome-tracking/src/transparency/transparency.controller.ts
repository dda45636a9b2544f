import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { Public } from '@rj/shared/auth';
import { IsCode } from '@rj/shared/contracts';
import { TransparencyService } from './transparency.service';

export class TransparencyParams {
  @ApiProperty() @IsCode() jurisdiction: string;
  @ApiProperty({ example: '2026-Q3', description: 'an ended quarter (YYYY-Qn) or year (YYYY)' })
  @Matches(/^\d{4}(-Q[1-4])?$/, { message: 'period must be a year (2026) or a quarter (2026-Q3)' })
  period: string;
}

/** Public figures change only when a new period is published; caches may keep them an hour. */
const CACHE = 'public, max-age=3600';

/**
 * The public transparency report (api.md 2026-12: public endpoints, no token): per opted-in
 * jurisdiction and ended fixed period, figures suppressed for the public and frozen once out.
 */
@ApiTags('transparency')
@Controller()
export class TransparencyController {
  constructor(private readonly transparency: TransparencyService) {}

  @ApiOperation({ summary: 'Published jurisdictions and their periods (no token).' })
  @Get('api/transparency')
  @Public()
  @Header('cache-control', CACHE)
  async index() {
    return { items: await this.transparency.index() };
  }

  @ApiOperation({
    summary: 'One jurisdiction’s public report for one ended period (no token); 404 when it is not published.',
  })
  @Get('api/transparency/:jurisdiction/:period')
  @Public()
  @Header('cache-control', CACHE)
  report(@Param() params: TransparencyParams) {
    return this.transparency.report(params.jurisdiction, params.period);
  }
}
