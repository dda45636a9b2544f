import type { FormErrors } from '../admin/forms/form-errors';

/**
 * When a control was left empty, the service's rule for its format ("must be one of …", "must
 * be 1 to 100 letters …") is not what the person needs to read: they need to be asked for the
 * answer. This replaces that one control's message, in the summary and at the control.
 */
export function askForMissing(
  errors: FormErrors,
  controlId: string,
  posted: string | undefined,
  ask: string,
): FormErrors {
  if ((posted ?? '').trim() !== '' || !errors.byField[controlId]) return errors;
  return {
    summary: errors.summary.map((item) => (item.href === `#${controlId}` ? { ...item, text: ask } : item)),
    byField: { ...errors.byField, [controlId]: ask },
  };
}
