import { describeCode, type Vocabulary } from '../../messages/describe';
import { EN } from '../../messages/en';

export interface CheckboxItem {
  value: string;
  text: string;
  checked: boolean;
}

/**
 * Checkboxes for offence categories: every category the catalogue names, then any chosen one it
 * does not (a jurisdiction's own code), so editing never silently drops a stored category.
 */
export function categoryItems(chosen: readonly string[]): CheckboxItem[] {
  const known = Object.keys(EN.offenseCategory);
  const extra = chosen.filter((code) => !known.includes(code));
  return [...known, ...extra].map((code) => ({
    value: code,
    text: describeCode('offenseCategory', code),
    checked: chosen.includes(code),
  }));
}

/** Checkboxes for a closed vocabulary (stages, severities), in catalogue order. */
export function vocabularyItems(vocabulary: Vocabulary, chosen: readonly string[]): CheckboxItem[] {
  return Object.entries(EN[vocabulary] as Record<string, string>).map(([value, text]) => ({
    value,
    text,
    checked: chosen.includes(value),
  }));
}

const LANGUAGES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** `nl` → `Dutch`, `pt-BR` → `Brazilian Portuguese`; a tag Intl cannot name is shown as given. */
export function languageName(tag: string): string {
  try {
    return LANGUAGES.of(tag) ?? tag;
  } catch {
    return tag;
  }
}
