import { IntlMessageFormat } from 'intl-messageformat';
import { en } from './en';
import { es } from './es';
import { MESSAGE_KEYS, type Catalogue, type MessageKey, type MessageValues } from './message-keys';

/**
 * The languages participants' messages are written in. Only complete catalogues are listed: a
 * message half in another language is one the person cannot read. Add a language by adding its
 * file here; the catalogue test holds it to every key, placeholder and choice of English.
 */
export const CATALOGUES: Readonly<Record<string, Catalogue>> = { en, es };
export const COMPLETE_LANGUAGES = Object.keys(CATALOGUES);
/** For a participant who needs no interpreter and whose language has no catalogue. */
export const FALLBACK_LANGUAGE = 'en';

const compiled = new Map<string, IntlMessageFormat>();

/** One message in one language, its values filled in. Throws for a language without a catalogue. */
export function renderMessage(language: string, key: MessageKey, values: MessageValues): string {
  const catalogue = CATALOGUES[language];
  if (!catalogue) throw new Error(`no message catalogue for language ${language}`);
  const id = `${language}\u0000${key}`;
  let format = compiled.get(id);
  if (!format) {
    format = new IntlMessageFormat(catalogue[key], language);
    compiled.set(id, format);
  }
  return String(format.format({ ...values }));
}

/**
 * The language a participant's message is written in: their own when it has a catalogue; when
 * it has none, English for someone who needs no interpreter, and nothing (null) for someone who
 * does: they get no e-mail they cannot read, and their mediator phones them instead.
 */
export function messageLanguageFor(participant: { preferredLanguage: string; interpreter: boolean }): string | null {
  const language = participant.preferredLanguage.toLowerCase().split('-')[0];
  if (CATALOGUES[language]) return language;
  return participant.interpreter ? null : FALLBACK_LANGUAGE;
}

export { MESSAGE_KEYS };
