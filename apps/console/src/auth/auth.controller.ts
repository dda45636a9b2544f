import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { safeReturnPath } from '../platform/session-timeouts';
import { PublicPage } from './access';
import { UnusableSignIn } from './claims';
import { SignInService } from './sign-in.service';

/** Sign-in through the organisation's identity provider, and sign-out that ends both sessions. */
@Controller()
@PublicPage()
export class AuthController {
  constructor(private readonly signIn: SignInService) {}

  @Get('sign-in')
  page(@Req() req: Request, @Res() res: Response): void {
    if (req.session.user) return res.redirect(303, safeReturnPath(req.session.returnTo));
    res.render('pages/sign-in.njk', {
      endedBecause: req.session.endedBecause,
      hasReturnTo: Boolean(req.session.returnTo && req.session.returnTo !== '/'),
    });
  }

  @Post('sign-in')
  async start(@Req() req: Request, @Res() res: Response): Promise<void> {
    const returnTo = safeReturnPath(req.session.returnTo);
    let started;
    try {
      started = await (await this.signIn.oidc()).startSignIn(returnTo);
    } catch {
      return res.status(503).render('pages/errors/sign-in-unavailable.njk');
    }
    req.session.pendingSignIn = started.pending;
    req.session.save(() => res.redirect(303, started.url));
  }

  @Get('auth/callback')
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    const pending = req.session.pendingSignIn;
    if (!pending) return res.redirect(303, '/sign-in');
    const oidc = await this.signIn.oidc();
    let user;
    try {
      user = await oidc.finishSignIn(new URL(req.originalUrl, oidc.redirectUri), pending);
    } catch (error) {
      if (error instanceof UnusableSignIn) throw error;
      delete req.session.pendingSignIn;
      return res.status(400).render('pages/errors/sign-in-failed.njk');
    }
    // A new session id at sign-in, so a session id planted before it is worth nothing.
    req.session.regenerate((error) => {
      if (error) return res.status(500).render('pages/errors/error.njk', { correlationId: 'sign-in' });
      const now = Date.now();
      req.session.user = user;
      req.session.signedInAt = now;
      req.session.lastSeenAt = now;
      req.session.save(() => res.redirect(303, pending.returnTo));
    });
  }

  @Post('sign-out')
  async signOut(@Req() req: Request, @Res() res: Response): Promise<void> {
    const idToken = req.session.user?.idToken;
    let next = '/signed-out';
    try {
      next = (await this.signIn.oidc()).signOutUrl(idToken);
    } catch {
      // The provider is unreachable: the console's session still ends.
    }
    req.session.destroy(() => res.redirect(303, next));
  }

  @Get('signed-out')
  signedOut(@Res() res: Response): void {
    res.render('pages/signed-out.njk');
  }

  /** Keeps an active session alive (the idle warning's "stay signed in"). */
  @Post('session/keep-alive')
  keepAlive(@Req() req: Request, @Res() res: Response): void {
    res.status(req.session.user ? 204 : 401).end();
  }
}
