/**
 * The form a mediator's `sub` (the identity provider's account id) must have to be registered.
 * Conservative on purpose: the `sub` names the mediator everywhere — in tokens, events, ledger
 * aggregate ids and the auditors' CSV exports — so it holds only what identity providers use in
 * practice (UUIDs, numbers, `auth0|…`, `name@domain`, `mediator-anna`):
 *   - 1 to 100 characters: letters, digits and `.` `_` `:` `@` `|` `-`;
 *   - starting with a letter or digit, so no cell of an export can start a spreadsheet formula;
 *   - not `system:…`, the prefix of the platform's own actors.
 * No spaces, quotes, commas, slashes or control characters.
 */
export const MEDIATOR_SUB_PATTERN = /^(?!system:)[A-Za-z0-9][A-Za-z0-9._:@|-]{0,99}$/;

export const MEDIATOR_SUB_RULE =
  'must be 1 to 100 letters, digits or . _ : @ | -, start with a letter or digit, and not start with system:';

export function isValidMediatorSub(sub: string): boolean {
  return MEDIATOR_SUB_PATTERN.test(sub);
}
