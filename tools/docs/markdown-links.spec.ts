/**
 * The repository documents itself: every Markdown file's links (and `../` paths in code spans)
 * point at files that exist inside the repository. Web addresses are not checked.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brokenLinks, linkTargets, markdownFiles } from './markdown-links';

const ROOT = resolve(__dirname, '../..');

describe('Markdown links', () => {
  it('finds the Markdown files of the repository, and none under node_modules, .cache or dist', () => {
    const files = markdownFiles(ROOT);
    expect(files).toEqual(
      expect.arrayContaining([
        'README.md',
        'CONTRIBUTING.md',
        join('docs', 'api-guide.md'),
        join('docs', 'practice-rules.md'),
      ]),
    );
    expect(files.filter((file) => /(^|\/)(node_modules|\.cache|dist)\//.test(file))).toEqual([]);
  });

  it('point only at files that exist inside the repository', () => {
    const broken = markdownFiles(ROOT).flatMap((file) =>
      brokenLinks(ROOT, file, readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(broken.map(({ file, line, target, problem }) => `${file}:${line} ${target} (${problem})`)).toEqual([]);
  });

  describe('what counts as a link', () => {
    it('reads inline links, images, reference definitions and ../ paths in code spans, with their lines', () => {
      const markdown = [
        'See [the guide](docs/guide.md#errors "title") and ![a picture](<img/a b.png>).',
        '[ref]: ../outside.md',
        'Specs: `../other-repo/docs/*.md`, and `../elsewhere/file.md`.',
      ].join('\n');
      expect(linkTargets(markdown)).toEqual([
        { line: 1, target: 'docs/guide.md' },
        { line: 1, target: 'img/a b.png' },
        { line: 2, target: '../outside.md' },
        { line: 3, target: '../other-repo/docs/*.md' },
        { line: 3, target: '../elsewhere/file.md' },
      ]);
    });

    it('skips web and mail addresses, anchors of the same page, fenced code and links inside code spans', () => {
      const markdown = [
        '[web](https://example.org/x.md) [mail](mailto:a@b.example) [here](#prerequisites)',
        '```sh',
        'echo "[not](a/link.md)"',
        '```',
        'Write `[text](missing.md)` to link.',
      ].join('\n');
      expect(linkTargets(markdown)).toEqual([]);
    });

    it('reports a missing file and a path that leaves the repository', () => {
      const markdown = '[gone](docs/no-such-file.md) [up](../../outside.md) [root](/README.md) [here](README.md)';
      expect(brokenLinks(ROOT, 'README.md', markdown).map(({ target, problem }) => [target, problem])).toEqual([
        ['docs/no-such-file.md', 'missing'],
        ['../../outside.md', 'outside the repository'],
      ]);
    });
  });
});
