import type { FormErrors } from '../../admin/forms/form-errors';
import { codeList, numberOrText, text, ticked } from '../../admin/forms/form-fields';
import { askForMissing } from '../missing-answer';

/**
 * The four kinds of practice record a partner's admin keeps for a mediator (issue 22), each
 * with its form's fields, labels and the body the scheduling service takes. Conversions only:
 * the service decides what is valid and says so in its own words.
 */
export const RECORD_TYPES = ['credential', 'background-check', 'language', 'practice'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const RECORD_PATHS: Record<RecordType, string> = {
  credential: 'credentials',
  'background-check': 'background-checks',
  language: 'languages',
  practice: 'practice',
};

export const RECORD_TITLES: Record<RecordType, string> = {
  credential: 'Record a credential',
  'background-check': 'Record a background check',
  language: 'Record a language',
  practice: 'Record supervision or practice',
};

export const CREDENTIAL_KINDS: Record<string, string> = {
  basic_mediation: 'Basic mediation training',
  restorative_justice: 'Restorative-justice training',
  specialist_dv_sv: 'Specialist training for domestic or sexual violence',
  youth: 'Work with young people',
  safeguarding_trauma: 'Safeguarding and trauma-informed practice',
  other: 'Other',
};

export const CHECK_KINDS: Record<string, string> = {
  criminal_record: 'Criminal record check',
  barred_list_children: 'Barred-list check for work with young people',
};

export const PRACTICE_KINDS: Record<string, string> = {
  supervision: 'Supervision session',
  observed_practice: 'Observed practice',
  co_facilitation: 'A case co-facilitated with a lead mediator',
};

/** Every kind in words, for the record page and the admin's queue. */
export const KIND_WORDS: Record<string, string> = { ...CREDENTIAL_KINDS, ...CHECK_KINDS, ...PRACTICE_KINDS };

export const RECORD_LABELS: Record<string, string> = {
  kind: 'Kind',
  issuer: 'Issued by',
  hours: 'Hours',
  obtainedOn: 'Date obtained',
  expiresOn: 'Expiry date',
  certificateReference: 'Certificate reference',
  offenseCategories: 'Offence categories',
  checkedOn: 'Date of the check',
  reference: 'Reference',
  language: 'Language',
  checkedBy: 'Checked by',
  heldOn: 'Date',
  withName: 'Supervisor, observer or lead mediator',
};

export type RecordForm = Record<string, string | undefined>;

const FIELDS = [
  'kind',
  'issuer',
  'hours',
  'obtainedOn',
  'expiresOn',
  'certificateReference',
  'offenseCategories',
  'checkedOn',
  'reference',
  'language',
  'checkedBy',
  'heldOn',
  'withName',
];

/** The posted fields as text; the offence categories' checkboxes (one, several or none) as one list. */
export function recordFormFrom(body: Record<string, unknown>): RecordForm {
  return Object.fromEntries(
    FIELDS.map((name) => {
      if (name === 'offenseCategories') return [name, ticked(body[name]).join(', ') || undefined];
      return [name, typeof body[name] === 'string' ? (body[name] as string) : undefined];
    }),
  );
}

/** The categories a form holds, for its checkboxes. */
export function chosenCategories(form: RecordForm): string[] {
  return codeList(form['offenseCategories']);
}

export function recordTypeOf(value: unknown): RecordType | undefined {
  return RECORD_TYPES.find((type) => type === value);
}

/** The API body of one record; empty answers are sent empty so the service names what is missing. */
export function recordBody(type: RecordType, form: RecordForm): Record<string, unknown> {
  const optional = (name: string) => (text(form[name]) === undefined ? {} : { [name]: text(form[name]) });
  switch (type) {
    case 'credential':
      return {
        kind: text(form['kind']) ?? '',
        issuer: text(form['issuer']) ?? '',
        hours: numberOrText(form['hours']) ?? '',
        obtainedOn: text(form['obtainedOn']) ?? '',
        ...optional('expiresOn'),
        ...optional('certificateReference'),
        offenseCategories: codeList(form['offenseCategories']),
      };
    case 'background-check':
      return {
        kind: text(form['kind']) ?? '',
        issuer: text(form['issuer']) ?? '',
        checkedOn: text(form['checkedOn']) ?? '',
        expiresOn: text(form['expiresOn']) ?? '',
        ...optional('reference'),
      };
    case 'language':
      return {
        language: text(form['language']) ?? '',
        checkedBy: text(form['checkedBy']) ?? '',
        checkedOn: text(form['checkedOn']) ?? '',
      };
    default:
      return {
        kind: text(form['kind']) ?? '',
        heldOn: text(form['heldOn']) ?? '',
        withName: text(form['withName']) ?? '',
      };
  }
}

/** What to ask for when a required answer was left empty, per form: the service's format rule is not it. */
const MISSING: Record<RecordType, Record<string, string>> = {
  credential: {
    kind: 'Select what kind of credential it is',
    issuer: 'Enter who issued it',
    hours: 'Enter the hours of training it stands for',
    obtainedOn: 'Enter the date it was obtained',
  },
  'background-check': {
    kind: 'Select which check it is',
    issuer: 'Enter who carried out the check',
    checkedOn: 'Enter the date of the check',
    expiresOn: 'Enter the date the check expires',
  },
  language: {
    language: 'Enter the language, for example nl',
    checkedBy: 'Enter who checked the mediator’s competence',
    checkedOn: 'Enter the date of the check',
  },
  practice: {
    kind: 'Select what it was',
    heldOn: 'Enter the day it took place',
    withName: 'Enter the name of the supervisor, observer or lead mediator',
  },
};

/** The service's errors, with each required answer left empty asked for in words. */
export function askForEveryMissing(errors: FormErrors, type: RecordType, form: RecordForm): FormErrors {
  return Object.entries(MISSING[type]).reduce(
    (asked, [field, ask]) => askForMissing(asked, field, form[field], ask),
    errors,
  );
}
