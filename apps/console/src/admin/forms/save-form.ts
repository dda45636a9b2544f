import type { Response } from 'express';
import { flash } from '../../platform/flash';
import { explainFailure, type FormFailure } from './refusal';

/** How a form names its fields in errors, and which field a general error points to. */
export interface FormRefusals {
  labels: Record<string, string>;
  fallbackId: string;
  controls?: Record<string, string>;
}

export interface FormSave<T> {
  /** The call to the service. */
  save(): Promise<T>;
  /** Once saved: the flash that says what happened, and the page to go back to. */
  saved(result: T): { heading: string; text?: string; redirect: string };
  refusals: FormRefusals;
  /** A refusal the form can explain: show the form again, with the status and the errors. */
  refused(failure: FormFailure): Promise<void> | void;
}

/**
 * A console form's post-redirect-get: save, then flash and redirect (303); a refusal the form
 * can explain shows the form again from what was posted; anything else goes to the global filter.
 * The flash goes in the session of the response's own request (`res.req`).
 */
export async function saveForm<T>(res: Response, form: FormSave<T>): Promise<void> {
  let result: T;
  try {
    result = await form.save();
  } catch (error) {
    const { labels, ...options } = form.refusals;
    const failure = explainFailure(error, labels, options);
    if (!failure) throw error;
    return form.refused(failure);
  }
  const { heading, text, redirect } = form.saved(result);
  flash(res.req, heading, text);
  res.redirect(303, redirect);
}
