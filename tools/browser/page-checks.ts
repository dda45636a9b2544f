import type { Page } from 'playwright-core';
import { accessibilityViolations, screenshot, type BrowserTest } from './browser-test';

/** Every page a test opens is saved for reviewers and scanned: WCAG 2.2 AA, no violation allowed. */
export async function expectAccessible(page: Page, test: BrowserTest, name: string): Promise<void> {
  await screenshot(page, test, name);
  expect({ page: name, violations: await accessibilityViolations(page) }).toEqual({ page: name, violations: [] });
}

export async function headingOf(page: Page): Promise<string> {
  return ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
}

// The page's focused control, read in the browser (as a string, so no DOM types are needed here).
async function focusedControl(page: Page): Promise<{ id: string; name: string; type: string }> {
  return (await page.evaluate(
    '(() => { const el = document.activeElement; return { id: el?.id ?? "", name: el?.name ?? "", type: el?.type ?? "" }; })()',
  )) as {
    id: string;
    name: string;
    type: string;
  };
}

/**
 * Moves the keyboard focus with Tab (never a click) until the control with this id has it,
 * as a person using only the keyboard would.
 */
export async function tabTo(page: Page, id: string, maxPresses = 250): Promise<void> {
  for (let presses = 0; presses < maxPresses; presses++) {
    if ((await focusedControl(page)).id === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`the keyboard never reached #${id}`);
}

/** Tabs to a text control and types into it. */
export async function typeWithKeyboard(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, id);
  await page.keyboard.type(text);
}

/** Tabs to a radio or checkbox and selects it with the space bar. */
export async function chooseWithKeyboard(page: Page, id: string): Promise<void> {
  const wanted = page.locator(`#${id}`);
  const wantedName = await wanted.getAttribute('name');
  const wantedType = await wanted.getAttribute('type');
  for (let presses = 0; presses < 250; presses++) {
    const focused = await focusedControl(page);
    if (focused.id === id) break;
    // A radio group takes one Tab stop: arrive on the group, then move with the arrow keys.
    const inSameGroup = wantedType === 'radio' && focused.type === 'radio' && focused.name === wantedName;
    await page.keyboard.press(inSameGroup ? 'ArrowDown' : 'Tab');
  }
  await page.keyboard.press('Space');
  if (!(await wanted.isChecked())) throw new Error(`#${id} is not selected`);
}
