/**
 * What each event means, in the words of its definition's leading comment in
 * libs/shared/contracts (who emits it, when, who consumes it), keyed by message id
 * (`offer.made.v1`). The comments are written for the code's readers; the references in
 * brackets to the team's own design notes are dropped, since those notes are not in the repository.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const EVENTS_DIR = resolve(__dirname, '../../libs/shared/contracts/src/lib/events');

export function eventDescriptions(dir = EVENTS_DIR): Map<string, string> {
  const descriptions = new Map<string, string>();
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.event.ts'));
  for (const file of files.sort()) {
    const source = readFileSync(join(dir, file), 'utf8');
    const comment = /^\/\*\*([\s\S]*?)\*\//.exec(source)?.[1];
    if (!comment) continue;
    const text = comment
      .replace(/\n\s*\* ?/g, ' ')
      .replace(/\s*\([^()]*\.md\b[^()]*\)/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    for (const [, type, version] of source.matchAll(/type:\s*'([^']+)',\s*version:\s*(\d+)/g))
      descriptions.set(`${type}.v${version}`, text);
  }
  return descriptions;
}

/** The AsyncAPI document with each message's description filled in from its definition. */
export function withEventDescriptions<T extends { components: { messages: Record<string, Record<string, unknown>> } }>(
  document: T,
  descriptions = eventDescriptions(),
): T {
  for (const [id, message] of Object.entries(document.components.messages)) {
    const description = descriptions.get(id);
    if (description) message.description = description;
  }
  return document;
}
