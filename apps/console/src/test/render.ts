import express from 'express';
import { configureViews } from '../platform/views';

const app = express();
configureViews(app);

/** A page rendered exactly as the console renders it, with a signed-in person's layout context. */
export function renderPage(view: string, context: Record<string, unknown>): Promise<string> {
  const layout = {
    csrfToken: 'test-csrf-token',
    cspNonce: 'test-nonce',
    idleMs: 1_800_000,
    warnBeforeMs: 300_000,
    user: { name: 'Pat Prosecutor', role: 'prosecutor' },
    navigation: [],
  };
  return new Promise((resolve, reject) =>
    app.render(view, { ...layout, ...context }, (error, html) => (error ? reject(error) : resolve(html ?? ''))),
  );
}
