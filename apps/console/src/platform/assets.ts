import path from 'node:path';
import express, { type Express } from 'express';
import * as sass from 'sass';
import { GOVUK_FRONTEND, INSTALL_ROOT, MOJ_FRONTEND, NODE_MODULES } from './packages';

/**
 * Styles compiled once at start-up with the pure-JavaScript sass (GOV.UK Frontend and MOJ
 * Frontend from node_modules, a system font stack, no GOV.UK font or crown), and the scripts
 * that enhance pages. Fonts and images of GOV.UK are deliberately not served.
 */
export function compileStyles(): string {
  return sass.compile(path.join(__dirname, '../styles/console.scss'), {
    // MOJ Frontend imports GOV.UK Frontend as `node_modules/govuk-frontend/…`: the root is a load path too.
    loadPaths: [NODE_MODULES, INSTALL_ROOT],
    style: 'compressed',
    quietDeps: true,
    // GOV.UK and MOJ Frontend warn about each other's deprecated mixins on every build; the
    // warnings are theirs to fix and would bury ours, so the build is silent.
    logger: sass.Logger.silent,
    silenceDeprecations: ['import', 'global-builtin', 'slash-div', 'color-functions'],
  }).css;
}

export function serveAssets(app: Express, css: string): void {
  const longCache = { immutable: false, maxAge: '1h', fallthrough: false } as const;
  app.get('/assets/console.css', (_req, res) => {
    res.type('text/css').setHeader('Cache-Control', 'public, max-age=3600');
    res.send(css);
  });
  app.use('/assets/console.js', express.static(path.join(__dirname, '../assets/console.js'), longCache));
  app.use('/assets/icon.svg', express.static(path.join(__dirname, '../assets/icon.svg'), longCache));
  app.use(
    '/assets/govuk-frontend.min.js',
    express.static(path.join(GOVUK_FRONTEND, 'dist/govuk/govuk-frontend.min.js'), longCache),
  );
  app.use('/assets/moj-frontend.min.js', express.static(path.join(MOJ_FRONTEND, 'moj/moj-frontend.min.js'), longCache));
}
