/**
 * Applies a function to the values at paths like `contact.email`, `parties[].fullName` or
 * `parties[].guardian.contact.phone` of a plain object, returning a copy; the input is left
 * as it is. Missing, null and undefined values are skipped: an optional field stays absent.
 */
export function mapPaths<T>(value: T, paths: readonly string[], map: (leaf: unknown, path: string) => unknown): T {
  return paths.reduce<unknown>((current, path) => mapPath(current, segmentsOf(path), map, path), value) as T;
}

function segmentsOf(path: string): string[] {
  return path.split('.').flatMap((segment) => (segment.endsWith('[]') ? [segment.slice(0, -2), '[]'] : [segment]));
}

function mapPath(
  node: unknown,
  segments: string[],
  map: (leaf: unknown, path: string) => unknown,
  path: string,
): unknown {
  if (node === null || node === undefined) return node;
  const [head, ...rest] = segments;
  if (head === '[]') {
    return Array.isArray(node) ? node.map((item) => mapPath(item, rest, map, path)) : node;
  }
  if (typeof node !== 'object' || Array.isArray(node) || !(head in node)) return node;
  const child = (node as Record<string, unknown>)[head];
  const next =
    rest.length === 0
      ? child === null || child === undefined
        ? child
        : map(child, path)
      : mapPath(child, rest, map, path);
  return { ...(node as Record<string, unknown>), [head]: next };
}
