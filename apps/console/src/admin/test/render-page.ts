import express from 'express';
import { configureViews } from '../../platform/views';

/**
 * Renders a console view to HTML as the running console does (same Nunjucks environment and
 * filters), with the layout's usual locals. For tests of what a page shows.
 */
export function renderPage(view: string, context: Record<string, unknown>): Promise<string> {
  const app = express();
  configureViews(app);
  const locals = {
    csrfToken: 'test-csrf-token',
    user: { name: 'Ada Admin', role: 'admin' },
    navigation: [],
    idleMs: 1_800_000,
    warnBeforeMs: 300_000,
    ...context,
  };
  return new Promise((resolve, reject) =>
    app.render(view, locals, (error, html) => (error ? reject(error) : resolve(html))),
  );
}
