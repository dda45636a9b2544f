/**
 * Finds what a Markdown file points at: link and image targets, reference definitions, and
 * relative paths written in code spans (`../somewhere/file.md`). The repository documents
 * itself, so every such target must exist inside it; web addresses are not checked.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

/** Folders that hold generated or installed files, not the repository's own documents. */
export const IGNORED_DIRECTORIES = new Set(['node_modules', '.cache', 'dist', '.git', '.nx', 'coverage']);

export interface LinkTarget {
  line: number;
  target: string;
}

export interface BrokenLink extends LinkTarget {
  file: string;
  problem: 'missing' | 'outside the repository';
}

/** Every Markdown file under `root`, relative to it, outside the ignored folders. */
export function markdownFiles(root: string, directory = root): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory())
      return IGNORED_DIRECTORIES.has(entry.name) ? [] : markdownFiles(root, join(directory, entry.name));
    return entry.isFile() && entry.name.endsWith('.md') ? [relative(root, join(directory, entry.name))] : [];
  });
}

/** A target that names a place on the web or in a mail client, or only an anchor of this page. */
const NOT_A_PATH = /^(?:[a-z][a-z0-9+.-]*:|#)/i;

const INLINE_LINK = /!?\[(?:[^\]\\]|\\.)*\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/;
const CODE_SPAN = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;
/**
 * A relative path in a code span that starts with ../ — paths into this repository are written
 * from its root, so these are the ones that may lead out of it (globs included: `../x/*.md`).
 */
const PARENT_PATH = /^\.\.\/\S+$/;

/** The targets a Markdown text links to, with their line numbers; fenced code is skipped. */
export function linkTargets(markdown: string): LinkTarget[] {
  const targets: LinkTarget[] = [];
  let fence: string | null = null;
  markdown.split('\n').forEach((text, index) => {
    const line = index + 1;
    const fenceMark = /^\s{0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (fenceMark && (fence === null || fenceMark.startsWith(fence))) {
      fence = fence === null ? fenceMark : null;
      return;
    }
    if (fence !== null) return;
    for (const [, , code] of text.matchAll(CODE_SPAN)) {
      const candidate = code.trim();
      if (PARENT_PATH.test(candidate)) targets.push({ line, target: candidate });
    }
    const prose = text.replace(CODE_SPAN, '');
    for (const [, raw] of prose.matchAll(INLINE_LINK)) targets.push({ line, target: unwrap(raw) });
    const definition = REFERENCE_DEFINITION.exec(prose)?.[1];
    if (definition) targets.push({ line, target: unwrap(definition) });
  });
  return targets.filter(({ target }) => target !== '' && !NOT_A_PATH.test(target));
}

function unwrap(raw: string): string {
  const target = raw.startsWith('<') ? raw.slice(1, -1) : raw;
  return decodeURIComponent(target.split('#')[0].split('?')[0]);
}

/** The links of one Markdown file (relative to `root`) that miss or leave the repository. */
export function brokenLinks(root: string, file: string, markdown: string): BrokenLink[] {
  return linkTargets(markdown).flatMap(({ line, target }): BrokenLink[] => {
    // A leading slash means the repository's root, as code hosts render it.
    const resolved = target.startsWith('/') ? join(root, target) : resolve(root, dirname(file), target);
    const fromRoot = relative(root, resolved);
    if (fromRoot.startsWith('..') || isAbsolute(fromRoot))
      return [{ file, line, target, problem: 'outside the repository' as const }];
    return existsSync(resolved) ? [] : [{ file, line, target, problem: 'missing' as const }];
  });
}
