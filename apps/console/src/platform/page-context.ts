import type { NextFunction, Request, Response } from 'express';
import type { Role } from '@rj/shared/contracts';
import type { ConsoleEnv } from '../console.env';

export interface NavigationItem {
  href: string;
  text: string;
}

/** The console's sections each role can open; the services still decide every call. */
export function navigationFor(role: Role): NavigationItem[] {
  switch (role) {
    case 'prosecutor':
      return [
        { href: '/', text: 'Home' },
        { href: '/referrals', text: 'Referrals' },
        { href: '/referrals/new', text: 'Submit a referral' },
        { href: '/referrals/import', text: 'Import referrals' },
        { href: '/referrals/search', text: 'Find by case number' },
        { href: '/office/staff', text: 'Staff training' },
        { href: '/office/webhooks', text: 'Webhooks' },
        { href: '/figures', text: 'Figures' },
      ];
    case 'admin':
      return [
        { href: '/', text: 'Home' },
        { href: '/admin/review-queue', text: 'Review queue' },
        { href: '/admin/offices', text: 'Offices' },
        { href: '/admin/partners', text: 'Partners' },
        { href: '/admin/practice-records', text: 'Credentials' },
        { href: '/admin/screening-policies', text: 'Screening policies' },
        { href: '/admin/queues', text: 'Queues' },
        { href: '/admin/webhooks', text: 'Webhooks' },
        { href: '/referrals', text: 'Referrals' },
        { href: '/audit', text: 'Oversight' },
        { href: '/figures', text: 'Figures' },
      ];
    case 'auditor':
      return [
        { href: '/audit', text: 'Home' },
        { href: '/audit/events', text: 'Search the ledger' },
        { href: '/audit/verify', text: 'Verify' },
        { href: '/audit/checkpoints', text: 'Checkpoints' },
        { href: '/figures', text: 'Figures' },
      ];
    case 'partner_admin':
      return [
        { href: '/partner', text: 'Home' },
        { href: '/partner/offers', text: 'Offers' },
        { href: '/partner/cases', text: 'Cases' },
        { href: '/partner/mediators', text: 'Mediators' },
        { href: '/partner/profile', text: 'Organisation' },
        { href: '/partner/webhooks', text: 'Webhooks' },
      ];
    case 'mediator':
      return [
        { href: '/mediator', text: 'Home' },
        { href: '/mediator/cases', text: 'My cases' },
        { href: '/mediator/sessions', text: 'My sessions' },
        { href: '/mediator/calendar-feed', text: 'Calendar feed' },
      ];
    default:
      return [{ href: '/', text: 'Home' }];
  }
}

/** The section a path belongs to: the longest matching link, so /referrals/new is not also /referrals. */
export function activeItem(items: NavigationItem[], path: string): NavigationItem | undefined {
  return items
    .filter((item) => (item.href === '/' ? path === '/' : path === item.href || path.startsWith(`${item.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0];
}

/** What every page's layout needs: who is signed in, their navigation, the idle warning. */
export function pageContext(config: ConsoleEnv) {
  const idleMs = config.SESSION_IDLE_MINUTES * 60_000;
  return (req: Request, res: Response, next: NextFunction): void => {
    const user = req.session?.user;
    res.locals['currentPath'] = req.path;
    res.locals['idleMs'] = idleMs;
    res.locals['warnBeforeMs'] = Math.min(5 * 60_000, Math.floor(idleMs / 3));
    if (user) {
      res.locals['user'] = { name: user.name, role: user.role };
      const items = navigationFor(user.role);
      const current = activeItem(items, req.path);
      res.locals['navigation'] = items.map((item) => ({ ...item, active: item === current }));
    }
    if (req.session?.flash) {
      res.locals['flash'] = req.session.flash;
      delete req.session.flash;
    }
    next();
  };
}
