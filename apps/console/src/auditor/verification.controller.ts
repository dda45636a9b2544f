import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ForRoles } from '../auth/access';
import { CurrentUser } from '../auth/current-user';
import { ApiRefused, ServiceApi } from '../platform/api-client';
import { pageId } from '../platform/ids';
import type { SessionUser } from '../platform/session-user';
import type { Checkpoint, VerificationView } from './api-shapes';

/** How often the watching page reloads itself while a verification runs (no script needed). */
export const REFRESH_SECONDS = 2;

/** Verifying the chain (start, then watch) and the signed checkpoints to check it against offline. */
@Controller('audit')
@ForRoles('auditor', 'admin')
export class VerificationController {
  constructor(private readonly api: ServiceApi) {}

  @Get('verify')
  async form(@CurrentUser() user: SessionUser, @Res() res: Response): Promise<void> {
    const checkpoints = await this.api.get<{ items: Checkpoint[] }>(user, 'audit-ledger', '/api/audit/checkpoints');
    res.render('pages/auditor/verify.njk', {
      title: 'Verify the ledger',
      checkpoints: checkpoints.items.filter((checkpoint) => checkpoint.signatureValid).slice(0, 20),
    });
  }

  @Post('verify')
  async start(@CurrentUser() user: SessionUser, @Body('from') from: unknown, @Res() res: Response): Promise<void> {
    const start = typeof from === 'string' && /^[1-9]\d{0,14}$/.test(from) ? from : 'genesis';
    try {
      const run = await this.api.post<VerificationView>(user, 'audit-ledger', '/api/audit/verifications', {
        body: { from: start },
      });
      res.redirect(303, `/audit/verifications/${run.id}`);
    } catch (error) {
      if (!(error instanceof ApiRefused) || ![400, 404, 409].includes(error.problem.status)) throw error;
      const checkpoints = await this.api.get<{ items: Checkpoint[] }>(user, 'audit-ledger', '/api/audit/checkpoints');
      res.status(400).render('pages/auditor/verify.njk', {
        title: 'Verify the ledger',
        checkpoints: checkpoints.items.filter((checkpoint) => checkpoint.signatureValid).slice(0, 20),
        pageHasErrors: true,
        error: error.problem.detail ?? 'The verification could not start from there',
      });
    }
  }

  @Get('verifications/:id')
  async watch(@CurrentUser() user: SessionUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const run = await this.api.get<VerificationView>(user, 'audit-ledger', `/api/audit/verifications/${pageId(id)}`);
    res.render('pages/auditor/verification.njk', {
      title: run.status === 'running' ? 'Verifying the ledger' : 'Verification finished',
      run,
      refreshSeconds: run.status === 'running' ? REFRESH_SECONDS : null,
    });
  }

  @Get('checkpoints')
  async checkpoints(@CurrentUser() user: SessionUser, @Res() res: Response): Promise<void> {
    const [list, key] = await Promise.all([
      this.api.get<{ publicKeyId: string; items: Checkpoint[] }>(user, 'audit-ledger', '/api/audit/checkpoints'),
      this.api.get<{ publicKeyId: string; publicKey: string; algorithm: string }>(
        user,
        'audit-ledger',
        '/api/audit/checkpoints/public-key',
      ),
    ]);
    res.render('pages/auditor/checkpoints.njk', {
      title: 'Signed checkpoints',
      checkpoints: list.items.slice(0, 100),
      key,
    });
  }
}
