import type { Request } from 'express';

/** A one-time confirmation shown on the next page ("Referral submitted"); no personal data. */
export function flash(req: Request, heading: string, text?: string): void {
  req.session.flash = { heading, text };
}
