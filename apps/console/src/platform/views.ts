import path from 'node:path';
import type { Express } from 'express';
import nunjucks from 'nunjucks';
import { GOVUK_FRONTEND, MOJ_FRONTEND } from './packages';
import { describeCode, choicesOf, type Vocabulary } from '../messages/describe';
import { formatDate, formatDateTime, formatMonth, initials, languageName, relativeDeadline } from './formatting';

/** GOV.UK tag colours by referral status: waiting is grey/blue, needs someone is yellow, ends are green or red. */
const STATUS_COLOURS: Record<string, string> = {
  submitted: 'grey',
  needs_review: 'yellow',
  matching: 'blue',
  offered: 'light-blue',
  assigned: 'turquoise',
  in_progress: 'purple',
  completed: 'green',
  returned: 'orange',
  unmatched: 'yellow',
  ineligible: 'red',
  withdrawn: 'grey',
};

/**
 * Nunjucks over the console's views, GOV.UK Frontend's and MOJ Frontend's macros. Autoescape
 * is on: everything a service returns is shown as text, never as markup.
 */
export function configureViews(app: Express, options: { watch?: boolean } = {}): nunjucks.Environment {
  const env = nunjucks.configure([path.join(__dirname, '../views'), path.join(GOVUK_FRONTEND, 'dist'), MOJ_FRONTEND], {
    autoescape: true,
    express: app,
    watch: options.watch ?? false,
    noCache: options.watch ?? false,
  });
  app.set('view engine', 'njk');
  // MOJ Frontend's components (the timeline) format dates with its own filters, e.g. mojDate.
  const mojFilters = require('@ministryofjustice/frontend/moj/filters/all')() as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  for (const [name, filter] of Object.entries(mojFilters)) env.addFilter(name, filter);
  env.addFilter('describe', (code: string, vocabulary: Vocabulary) => describeCode(vocabulary, code));
  env.addGlobal('choicesOf', (vocabulary: Vocabulary, selected?: string | string[]) => {
    const chosen = new Set(Array.isArray(selected) ? selected : selected ? [selected] : []);
    return choicesOf(vocabulary).map((choice) => ({
      ...choice,
      checked: chosen.has(choice.value),
      selected: chosen.has(choice.value),
    }));
  });
  env.addFilter('statusColour', (status: string) => STATUS_COLOURS[status] ?? 'grey');
  env.addFilter('date', (value: string) => formatDate(value));
  env.addFilter('dateTime', (value: string) => formatDateTime(value));
  env.addFilter('monthName', (value: string) => formatMonth(value));
  env.addFilter('language', (value: string) => languageName(value));
  env.addFilter('initials', (value: string) => initials(value));
  env.addFilter('deadline', (value: string) => relativeDeadline(value, new Date()));
  return env;
}
