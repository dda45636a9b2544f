/**
 * The provider's own pages: plain server-rendered HTML, no script at all, readable without
 * styles, and meeting WCAG 2.2 AA (language, one h1 per page, labelled controls, a visible
 * focus, text contrast well above 4.5:1), because browser tests scan every page they visit.
 */
import { ROLE_HEADINGS } from './accounts.mjs';

const escape = (value) =>
  String(value).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );

const STYLE = `
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; margin: 0; color: #0b0c0c; background: #ffffff; line-height: 1.5; }
  header { background: #0b0c0c; color: #ffffff; padding: 0.75rem 1.25rem; font-weight: 700; }
  main { max-width: 40rem; padding: 1.25rem; }
  .warning { border-left: 0.4rem solid #0b0c0c; padding: 0.5rem 1rem; background: #f3f2f1; }
  fieldset { border: 0; margin: 0 0 1.25rem; padding: 0; }
  legend h2 { font-size: 1.25rem; margin: 0 0 0.5rem; }
  .choice { margin: 0.5rem 0; }
  /* 24 × 24 CSS pixels at least: WCAG 2.2's target size (2.5.8). */
  .choice input { width: 1.5rem; height: 1.5rem; vertical-align: middle; margin: 0 0.5rem 0 0; }
  .choice label { display: inline-block; min-height: 1.5rem; padding: 0.1rem 0; }
  .hint { display: block; color: #484949; margin-left: 2rem; font-size: 0.95rem; }
  .error { color: #b10e1e; font-weight: 700; }
  .error-summary { border: 0.25rem solid #b10e1e; padding: 0.75rem 1rem; margin-bottom: 1rem; }
  button { font: inherit; font-weight: 700; color: #ffffff; background: #00703c; border: 0; border-bottom: 0.15rem solid #002d18; padding: 0.5rem 1rem; cursor: pointer; }
  a { color: #1d4ed8; }
  a:focus, button:focus, input:focus { outline: 0.2rem solid #ffdd00; outline-offset: 0.1rem; box-shadow: 0 0 0 0.35rem #0b0c0c; }
`;

function layout(title, body) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} – Restorative justice platform (development sign-in)</title>
<style>${STYLE}</style>
</head>
<body>
<header>Restorative justice platform – development sign-in</header>
<main id="main">
${body}
</main>
</body>
</html>`;
}

/** The sign-in page: every demo account, grouped by role, one to choose. */
export function signInPage({ action, accounts, error }) {
  const groups = Object.entries(ROLE_HEADINGS)
    .map(([role, heading]) => [role, heading, accounts.filter((account) => account.role === role)])
    .filter(([, , members]) => members.length > 0);
  const fieldsets = groups
    .map(
      ([role, heading, members]) => `<fieldset>
<legend><h2>${escape(heading)}</h2></legend>
${members
  .map((account, index) => {
    const id = `account-${role}-${index + 1}`;
    const hintId = `${id}-hint`;
    return `<div class="choice"><input type="radio" id="${id}" name="account" value="${escape(account.sub)}"${account.detail ? ` aria-describedby="${hintId}"` : ''}><label for="${id}">${escape(account.name)}</label>${account.detail ? `<span class="hint" id="${hintId}">${escape(account.detail)}</span>` : ''}</div>`;
  })
  .join('\n')}
</fieldset>`,
    )
    .join('\n');
  const errorSummary = error
    ? `<div class="error-summary" role="alert"><h2>There is a problem</h2><p class="error">${escape(error)}</p></div>`
    : '';
  return layout(
    error ? `Error: Sign in` : 'Sign in',
    `${errorSummary}
<h1>Sign in</h1>
<p class="warning"><strong>Development only.</strong> This sign-in has no passwords: choose a demo account and you act as that person. A real deployment signs people in through the organisation's own identity provider.</p>
<form method="post" action="${escape(action)}">
${fieldsets}
<button type="submit">Sign in</button>
</form>`,
  );
}

/** RP-initiated logout: oidc-provider hands over its own form (with an anti-forgery field). */
export function signOutPage(form) {
  return layout(
    'Sign out',
    `<h1>Sign out</h1>
<p>Do you want to sign out of the development identity provider?</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>`,
  );
}

export function signedOutPage() {
  return layout('Signed out', '<h1>You have signed out</h1><p>You can close this window.</p>');
}

export function errorPage({ error, description }) {
  return layout(
    'Sign-in problem',
    `<h1>Sign-in could not continue</h1>
<p>${escape(description || 'The request could not be completed.')}</p>
<p>Error code: <code>${escape(error || 'server_error')}</code></p>`,
  );
}

export function homePage({ issuer }) {
  return layout(
    'Development identity provider',
    `<h1>Development identity provider</h1>
<p>This process signs people and services in while the platform runs on a developer's machine. Its discovery document is at <a href="${escape(issuer)}/.well-known/openid-configuration">/.well-known/openid-configuration</a>.</p>`,
  );
}
