/**
 * Applies a function to the values at paths like `contact.email`, `parties[].fullName` or
 * `parties[].guardian.contact.phone` of a plain object, returning a copy; the input is left
 * as it is. Missing, null and undefined values are skipped: an optional field stays absent.
 */
export function mapPaths<T>(value: T, paths: readonly string[], map: (leaf: unknown, path: string) => unknown): T {
  return paths.reduce<unknown>((current, path) => mapPath(current, segmentsOf(path), map, path), value) as T;
}

// The paths are a handful of constants per data shape, mapped for every field of every referral.
// Bounded, so that a caller passing paths it builds cannot grow it without end.
const parsedPaths = new Map<string, string[]>();
const MAX_PARSED_PATHS = 256;

function segmentsOf(path: string): string[] {
  let segments = parsedPaths.get(path);
  if (!segments) {
    segments = path
      .split('.')
      .flatMap((segment) => (segment.endsWith('[]') ? [segment.slice(0, -2), '[]'] : [segment]));
    if (parsedPaths.size < MAX_PARSED_PATHS) parsedPaths.set(path, segments);
  }
  return segments;
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
