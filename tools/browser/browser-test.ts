/**
 * What a browser test needs: the shared stack's addresses, a browser context per person,
 * signing in through the identity provider's pages, an accessibility scan that must find
 * nothing, screenshots for reviewers, and tokens to prepare data through the public APIs.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { OrganisationsFile, StackInfo } from './stack';
import { readStackInfo } from './stack-info';

export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface BrowserTest {
  info: StackInfo;
  browser: Browser;
  close(): Promise<void>;
}

export async function connect(): Promise<BrowserTest> {
  const info = readStackInfo();
  const browser = await chromium.connect(info.wsEndpoint);
  return { info, browser, close: () => browser.close() };
}

/** A fresh browser context (its own cookies: one person) with JavaScript on or off. */
export async function personContext(
  test: BrowserTest,
  options: { javaScript?: boolean } = {},
): Promise<BrowserContext> {
  const context = await test.browser.newContext({
    baseURL: test.info.consoleUrl,
    javaScriptEnabled: options.javaScript ?? true,
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(30_000);
  return context;
}

/** Signs in through the console's start page and the identity provider's account list. */
export async function signIn(
  page: Page,
  test: BrowserTest,
  accountSub: string,
  startPath = '/',
  onProviderPage?: (page: Page) => Promise<void>,
): Promise<void> {
  await page.goto(startPath);
  await page.getByRole('button', { name: /Sign in with your organisation/ }).click();
  await page.waitForURL((url) => url.origin === new URL(test.info.idpIssuer).origin);
  await onProviderPage?.(page);
  await page.locator(`input[name="account"][value="${accountSub}"]`).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(
    (url) => url.origin === new URL(test.info.consoleUrl).origin && !url.pathname.startsWith('/auth/'),
  );
}

/** axe over the whole page for WCAG 2.2 AA; returns the violations so the test can expect none. */
export async function accessibilityViolations(page: Page): Promise<{ id: string; help: string; nodes: string[] }[]> {
  // Legacy mode runs axe.run in the page itself; the default runs axe in each frame and then
  // opens a blank page, injects axe again and merges the results there (finishRun): about twice
  // the time per scan, and the console has no frames to merge (legacy mode only leaves out
  // cross-origin frames). Only violations are read, so axe builds no selector for the nodes that
  // passed (its documented speed-up); every node of every violation is still reported.
  // `options` replaces the run options, so it comes before `withTags`.
  const result = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(WCAG_22_AA)
    .setLegacyMode(true)
    .analyze();
  return result.violations.map((violation) => ({
    id: violation.id,
    help: violation.help,
    nodes: violation.nodes.map((node) => node.target.join(' ')),
  }));
}

/**
 * Whether the browser tests save their screenshots: yes, unless BROWSER_SCREENSHOTS=off. CI turns
 * them off (.ci/run): no one can look at them there, and a full-page PNG costs ~0.4 s, about a
 * minute over the ~160 pages a run scans.
 */
export function screenshotsWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.BROWSER_SCREENSHOTS !== 'off';
}

/** A full-page screenshot for reviewers, under the git-ignored .cache/screenshots. */
export async function screenshot(page: Page, test: BrowserTest, name: string): Promise<void> {
  if (!screenshotsWanted()) return;
  mkdirSync(test.info.screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(test.info.screenshotDir, `${name}.png`), fullPage: true });
}

/** A token from the development identity provider, to prepare data through the public APIs. */
export async function apiToken(
  test: BrowserTest,
  claims: { role: string; org?: string; sub?: string; name?: string } | { account: string },
): Promise<string> {
  const response = await fetch(`${test.info.idpIssuer}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(claims),
  });
  if (!response.ok)
    throw new Error(`the identity provider refused a token: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export async function api<T = any>(
  test: BrowserTest,
  service: keyof StackInfo['urls'],
  method: string,
  urlPath: string,
  token: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${test.info.urls[service]}${urlPath}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/**
 * Adds organisations to the identity provider's demo accounts (it re-reads the file at each
 * sign-in) and returns the accounts made for them: the provider names the prosecutor of the
 * n-th office `prosecutor-n` and the administrator of the n-th partner `partner-admin-n`.
 */
export function addDemoOrganisations(
  test: BrowserTest,
  more: Partial<OrganisationsFile>,
): { prosecutors: string[]; partnerAdmins: string[] } {
  const current = JSON.parse(readFileSync(test.info.organisationsFile, 'utf8')) as OrganisationsFile;
  const next: OrganisationsFile = {
    offices: [...current.offices, ...(more.offices ?? [])],
    partners: [...current.partners, ...(more.partners ?? [])],
    mediators: [...current.mediators, ...(more.mediators ?? [])],
  };
  writeFileSync(test.info.organisationsFile, JSON.stringify(next));
  return {
    prosecutors: (more.offices ?? []).map((_, index) => `prosecutor-${current.offices.length + index + 1}`),
    partnerAdmins: (more.partners ?? []).map((_, index) => `partner-admin-${current.partners.length + index + 1}`),
  };
}

/** Polls until `read` returns something truthy, for state that arrives through Kafka. */
export async function eventually<T>(
  read: () => Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    // Short: an event crosses Kafka in tens of milliseconds, and every wait pays half a pause on average.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
