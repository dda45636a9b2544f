/**
 * The `after` of a list page's URL: the service's opaque cursor, passed back as it came. Only
 * the characters such cursors use, bounded, so nothing else travels to the service.
 */
export function cursorFrom(after: unknown): string | undefined {
  return typeof after === 'string' && /^[A-Za-z0-9_=.:-]{1,200}$/.test(after) ? after : undefined;
}
