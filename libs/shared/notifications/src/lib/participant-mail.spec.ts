import { decideParticipantMail, quietHoursZone, renderParticipantMail } from './participant-mail';

const ADDRESS = 'pii:1:key:ciphertext';

describe('decideParticipantMail', () => {
  it('writes in their own language when it has a catalogue', () => {
    expect(decideParticipantMail({ address: ADDRESS, preferredLanguage: 'es-MX', interpreter: true })).toEqual({
      send: true,
      address: ADDRESS,
      language: 'es',
    });
  });

  it('writes in English to someone who reads a language without a catalogue and needs no interpreter', () => {
    expect(decideParticipantMail({ address: ADDRESS, preferredLanguage: 'nl', interpreter: false })).toMatchObject({
      send: true,
      language: 'en',
    });
  });

  it('sends nothing to someone who needs an interpreter in a language without a catalogue', () => {
    expect(decideParticipantMail({ address: ADDRESS, preferredLanguage: 'vi', interpreter: true })).toEqual({
      send: false,
      reason: 'no_message_in_language',
      language: 'en',
    });
  });

  it('reads an unknown language and interpreter need as English without one', () => {
    expect(decideParticipantMail({ address: ADDRESS, preferredLanguage: null, interpreter: null })).toMatchObject({
      send: true,
      language: 'en',
    });
  });

  it('says no_safe_channel before the language, and personal_data_erased before both', () => {
    expect(decideParticipantMail({ address: null, preferredLanguage: 'vi', interpreter: true })).toMatchObject({
      send: false,
      reason: 'no_safe_channel',
    });
    expect(
      decideParticipantMail({
        address: ADDRESS,
        personalDataErased: true,
        preferredLanguage: 'es',
        interpreter: false,
      }),
    ).toMatchObject({ send: false, reason: 'personal_data_erased' });
  });
});

describe('quietHoursZone', () => {
  it('takes their own zone, else their jurisdiction’s, else none', () => {
    expect(quietHoursZone('Europe/Madrid', 'America/Los_Angeles')).toBe('Europe/Madrid');
    expect(quietHoursZone(null, 'America/Los_Angeles')).toBe('America/Los_Angeles');
    expect(quietHoursZone(undefined, null)).toBeUndefined();
  });
});

describe('renderParticipantMail', () => {
  it('writes the outcome notice in Spanish with a subject that says nothing of the case', () => {
    const mail = renderParticipantMail('es', 'outcome.notice', { result: 'completed' });
    expect(mail.subject).toBe('Una novedad que usted pidió');
    expect(mail.body).toContain('Se han cumplido todos los compromisos del acuerdo.');
    expect(renderParticipantMail('en', 'outcome.notice', { result: 'not_completed' }).body).toContain(
      'were not all completed',
    );
  });

  it('puts the survey link and its "stop asking me" link in the invitation and the reminder', () => {
    const links = { link: 'https://x.example/survey/abc', stopLink: 'https://x.example/survey/abc/stop' };
    const invitation = renderParticipantMail('es', 'feedback.invitation', links);
    expect(invitation.subject).toBe('Unas preguntas para usted');
    expect(invitation.body).toContain('(el enlace funciona una vez, durante 30 días): https://x.example/survey/abc\n');
    expect(invitation.body).toMatch(/no le escribiremos más sobre esto: https:\/\/x\.example\/survey\/abc\/stop$/);
    const reminder = renderParticipantMail('en', 'feedback.reminder', links);
    expect(reminder.subject).toBe('A reminder: a few questions for you');
    expect(reminder.body).toMatch(/^We wrote to you a week ago with a few questions\. This is our only reminder\.\n\n/);
    expect(reminder.body).toMatch(/we will not write about this again: https:\/\/x\.example\/survey\/abc\/stop$/);
  });
});
