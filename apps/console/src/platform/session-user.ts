import type { Role } from '@rj/shared/contracts';

/** Who is signed in, as the identity provider said; the access token calls the services. */
export interface SessionUser {
  sub: string;
  role: Role;
  org: string | null;
  name: string;
  accessToken: string;
  /** Epoch milliseconds. */
  accessTokenExpiresAt: number;
  idToken?: string;
}

/** The sign-in in progress: what the callback checks (state, nonce) and the PKCE verifier. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

declare module 'express-session' {
  interface SessionData {
    user?: SessionUser;
    pendingSignIn?: PendingSignIn;
    csrfToken?: string;
    signedInAt?: number;
    lastSeenAt?: number;
    /** Where to go after signing in. */
    returnTo?: string;
    /** Why the last session ended (idle or absolute timeout): the sign-in page says so. */
    endedBecause?: 'idle' | 'absolute';
    flash?: { heading: string; text?: string };
  }
}
