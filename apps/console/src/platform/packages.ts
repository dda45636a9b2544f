import path from 'node:path';

/**
 * Where the design systems are installed, found through Node's own resolution, so the console
 * finds them from its sources (development, tests) and from the compiled build in the image
 * (dist/apps/console/…) alike.
 */
export const GOVUK_FRONTEND = path.dirname(require.resolve('govuk-frontend/package.json'));
export const MOJ_FRONTEND = path.dirname(require.resolve('@ministryofjustice/frontend/package.json'));
/** The node_modules folder holding them, and the folder above it (MOJ's styles import `node_modules/govuk-frontend/…`). */
export const NODE_MODULES = path.dirname(GOVUK_FRONTEND);
export const INSTALL_ROOT = path.dirname(NODE_MODULES);
