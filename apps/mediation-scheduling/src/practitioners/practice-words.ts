/** Kinds of practice record in words, for e-mails to the partner's admin. */
export const KIND_IN_WORDS: Record<string, string> = {
  basic_mediation: 'Basic mediation training',
  restorative_justice: 'Restorative-justice training',
  specialist_dv_sv: 'Specialist training for domestic or sexual violence',
  youth: 'Youth credential',
  safeguarding_trauma: 'Safeguarding and trauma-informed practice training',
  other: 'A credential',
  criminal_record: 'Criminal record check',
  barred_list_children: 'Barred-list check for work with young people',
};
