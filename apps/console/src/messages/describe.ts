import { EN, type Catalogue } from './en';

export type Vocabulary = keyof Catalogue;

/**
 * The plain-language sentence for a code of a vocabulary. A code the catalogue does not know
 * (offence categories are a jurisdiction's own codes) is shown as words, never as a raw code.
 */
export function describeCode(
  vocabulary: Vocabulary,
  code: string | null | undefined,
  catalogue: Catalogue = EN,
): string {
  if (code === null || code === undefined || code === '') return '';
  const entries = catalogue[vocabulary] as Record<string, string>;
  return entries[code] ?? humanise(code);
}

/** `property_damage` → `Property damage`. */
export function humanise(code: string): string {
  const words = code.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The codes of a vocabulary with their sentences, for radios and selects. */
export function choicesOf(vocabulary: Vocabulary, catalogue: Catalogue = EN): { value: string; text: string }[] {
  return Object.entries(catalogue[vocabulary] as Record<string, string>).map(([value, text]) => ({ value, text }));
}
