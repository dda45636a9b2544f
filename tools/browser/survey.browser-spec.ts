import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { BrowserContext, Page } from 'playwright-core';
import { connect, personContext, type BrowserTest } from './browser-test';
import { chooseWithKeyboard, expectAccessible, headingOf, tabTo } from './page-checks';

let test_: BrowserTest;
let context: BrowserContext;
let page: Page;
let db: Client;
let token: string;

const answers = async () =>
  (await db.query('select survey, role, answers from feedback_answer')).rows as {
    survey: string;
    role: string;
    answers: Record<string, string>;
  }[];

/**
 * A participant answers their survey with the keyboard only, in Spanish. The link's secret is
 * arranged in outcome-tracking's database, as a mediator's release would leave it (the
 * release and its rules are proven in feedback.int-spec.ts), since a release needs a case
 * whose dialogue was held weeks ago.
 */
beforeAll(async () => {
  test_ = await connect();
  db = new Client({ connectionString: test_.info.databaseUrls['outcome-tracking'] });
  await db.connect();
  token = randomBytes(32).toString('base64url');
  await db.query(
    `insert into feedback_invitation (id, case_id, participant_id, survey, released_by, released_at, token_hash, role, partner_id, jurisdiction, period, minor, language, agreement_reached)
     values ($1, $2, $3, 'first', 'mediator-browser', now(), $4, 'harmed', null, 'ES-MD', '2026-Q4', false, 'es', true)`,
    [randomUUID(), randomUUID(), randomUUID(), createHash('sha256').update(token).digest('hex')],
  );
  context = await personContext(test_);
  page = await context.newPage();
});

afterAll(async () => {
  await db?.end();
  await context?.close();
  await test_?.close();
});

const idOf = async (item: string, value: string) =>
  (await page.locator(`input[name="answer-${item}"][value="${value}"]`).getAttribute('id')) ?? '';

it('answers the survey in Spanish with the keyboard only, and the link then closes', async () => {
  const response = await page.goto(`/survey/${token}`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['cache-control']).toBe('no-store');
  expect(await page.locator('html').getAttribute('lang')).toBe('es');
  expect(await headingOf(page)).toBe('Unas preguntas sobre cómo le fue');
  const text = (await page.locator('body').innerText()).toLowerCase();
  expect(text).not.toMatch(/restaurativ|restorative|justicia|mediaci|víctima|delito/);
  expect(text).toContain('sus respuestas son anónimas');
  await expectAccessible(page, test_, 'survey-es');

  await chooseWithKeyboard(page, await idOf('prepared', '4'));
  await chooseWithKeyboard(page, await idOf('safe', '5'));
  await chooseWithKeyboard(page, await idOf('voice', 'prefer_not_to_say'));
  await chooseWithKeyboard(page, await idOf('fair_agreement', '3'));
  await tabTo(page, 'send');
  await page.keyboard.press('Enter');
  // The answer page has the survey's own address, so its URL says nothing: wait for its heading.
  await page.getByRole('heading', { level: 1, name: 'Gracias' }).waitFor();
  expect(await headingOf(page)).toBe('Gracias');
  await expectAccessible(page, test_, 'survey-es-thanks');

  // Skipped items are simply absent; nothing ties the answers to the person.
  expect(await answers()).toEqual([
    {
      survey: 'first',
      role: 'harmed',
      answers: { prepared: '4', safe: '5', voice: 'prefer_not_to_say', fair_agreement: '3' },
    },
  ]);
});

it('tells the participant a used or a forged link no longer opens the survey, and stores nothing', async () => {
  const used = await page.goto(`/survey/${token}`);
  expect(used?.status()).toBe(410);
  expect(await headingOf(page)).toBe('This link no longer opens the questions');
  await expectAccessible(page, test_, 'survey-used');
  const forged = await page.goto(`/survey/${'x'.repeat(43)}`);
  expect(forged?.status()).toBe(404);
  expect(await answers()).toHaveLength(1);
});

it('“stop asking me” works without JavaScript, asks before it records, and keeps only the participant id', async () => {
  const stopToken = randomBytes(32).toString('base64url');
  const participantId = randomUUID();
  await db.query(
    `insert into feedback_invitation (id, case_id, participant_id, survey, released_by, released_at, token_hash, role, partner_id, jurisdiction, period, minor, language, agreement_reached)
     values ($1, $2, $3, 'first', 'mediator-browser', now(), $4, 'harmed', null, 'ES-MD', '2026-Q4', false, 'es', false)`,
    [randomUUID(), randomUUID(), participantId, createHash('sha256').update(stopToken).digest('hex')],
  );
  const optOuts = async () =>
    (await db.query('select * from feedback_opt_out where participant_id = $1', [participantId])).rows;
  const plain = await personContext(test_, { javaScript: false });
  try {
    const stopPage = await plain.newPage();
    await stopPage.goto(`/survey/${stopToken}`);
    await stopPage.getByRole('link', { name: 'No quiero que me lo vuelvan a pedir' }).click();
    expect(await headingOf(stopPage)).toBe('No me lo vuelvan a pedir');
    // Opening the page (as a mail scanner following the link would) records nothing.
    expect(await optOuts()).toEqual([]);
    // axe needs script: the page is scanned again in the browser that has it (opening it records nothing).
    await page.goto(`/survey/${stopToken}/stop`);
    await expectAccessible(page, test_, 'survey-es-stop');
    await stopPage.getByRole('button', { name: 'No me lo vuelvan a pedir' }).click();
    await stopPage.waitForLoadState('load');
    expect(await headingOf(stopPage)).toBe('No se lo volveremos a pedir');
    expect(await stopPage.locator('html').getAttribute('lang')).toBe('es');
    // The confirmation answers a POST: the HTML this browser got is scanned where script runs.
    const confirmation = await stopPage.content();
    await page.goto(`/survey/${stopToken}/stop`);
    await page.setContent(confirmation);
    await expectAccessible(page, test_, 'survey-es-stopped');
    const kept = await optOuts();
    expect(kept).toHaveLength(1);
    expect(Object.keys(kept[0]).sort()).toEqual(['opted_out_at', 'participant_id']);
  } finally {
    await plain.close();
  }
});
