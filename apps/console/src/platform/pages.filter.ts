import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { currentCorrelationId } from '@rj/shared/service';
import { SignInRequired } from '../auth/access';
import { UnusableSignIn } from '../auth/claims';
import { ApiRefused, ApiSignInAgain, ApiUnavailable } from './api-client';
import { CsrfRejected } from './csrf';
import { safeReturnPath } from './session-timeouts';

/**
 * Every failure becomes a page a person understands: sign in again (and come back), not
 * found (also for another organisation's objects and other roles' pages, so nothing reveals
 * that they exist), a refused form, or an error page with the id support can trace.
 */
@Catch()
export class PagesFilter implements ExceptionFilter {
  private readonly logger = new Logger('console');

  catch(error: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    if (error instanceof SignInRequired || error instanceof ApiSignInAgain) {
      const returnTo =
        error instanceof SignInRequired ? error.returnTo : safeReturnPath(req.method === 'GET' ? req.originalUrl : '/');
      if (req.session) {
        delete req.session.user;
        req.session.returnTo = returnTo;
      }
      return res.redirect(303, '/sign-in');
    }
    if (error instanceof CsrfRejected)
      return this.page(res, 403, 'pages/errors/forbidden.njk', { reason: error.message });
    if (error instanceof UnusableSignIn)
      return this.page(res, 403, 'pages/errors/forbidden.njk', { reason: error.message });
    if (error instanceof ApiRefused && [403, 404, 410].includes(error.problem.status))
      return this.page(res, 404, 'pages/errors/not-found.njk');
    if (error instanceof ApiRefused)
      return this.page(res, error.problem.status, 'pages/errors/refused.njk', { problem: error.problem });
    if (error instanceof HttpException && error.getStatus() === 404)
      return this.page(res, 404, 'pages/errors/not-found.njk');
    if (error instanceof HttpException && error.getStatus() < 500) {
      return this.page(res, error.getStatus(), 'pages/errors/refused.njk', {
        problem: { status: error.getStatus(), detail: error.message },
      });
    }
    const correlationId = error instanceof ApiUnavailable ? error.correlationId : (currentCorrelationId() ?? 'unknown');
    // The message only: errors may carry request data, which stays out of the logs.
    this.logger.error(
      `${req.method} ${req.path} failed: ${error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error'}`,
    );
    this.page(res, 500, 'pages/errors/error.njk', { correlationId });
  }

  private page(res: Response, status: number, view: string, context: Record<string, unknown> = {}): void {
    res.status(status).render(view, context);
  }
}
