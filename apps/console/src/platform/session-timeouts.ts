/** Why a session is no longer valid, or null while it is. Pure: the clock is passed in. */
export function sessionExpiry(
  session: { signedInAt?: number; lastSeenAt?: number },
  now: number,
  limits: { idleMs: number; absoluteMs: number },
): 'idle' | 'absolute' | null {
  if (session.signedInAt === undefined) return null;
  if (now - session.signedInAt >= limits.absoluteMs) return 'absolute';
  if (session.lastSeenAt !== undefined && now - session.lastSeenAt >= limits.idleMs) return 'idle';
  return null;
}

/**
 * Where to send someone back after signing in: a path of this console only (never another
 * origin, never a protocol-relative `//host`), so the sign-in cannot become an open redirect.
 */
export function safeReturnPath(candidate: unknown): string {
  if (
    typeof candidate !== 'string' ||
    !candidate.startsWith('/') ||
    candidate.startsWith('//') ||
    candidate.startsWith('/\\')
  )
    return '/';
  if (candidate.startsWith('/auth/') || candidate.startsWith('/sign-in') || candidate.startsWith('/sign-out'))
    return '/';
  return candidate.length > 512 ? '/' : candidate;
}
