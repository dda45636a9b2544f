/**
 * The participant's survey pages in their language (issue 20). Nothing on them names the
 * programme or the case: someone else may see the screen. Spanish and English; other
 * languages get English, and the invitation offers the survey by phone or with an interpreter.
 */
export type SurveyLanguage = 'en' | 'es';

export interface SurveyWords {
  title: string;
  skipLink: string;
  heading: string;
  anonymous: string;
  changesNothing: string;
  skip: string;
  scale: [string, string, string, string, string];
  preferNotToSay: string;
  /** Between the scale and "prefer not to say". */
  or: string;
  send: string;
  otherWays: string;
  support: string;
  thanksTitle: string;
  thanks: string;
  closedTitle: string;
  closed: Record<'used' | 'expired' | 'unknown', string>;
  nothingStored: string;
  /** "Stop asking me" (issue 20): a link on the survey, a page that asks, a page that confirms. */
  stopLink: string;
  stopTitle: string;
  stopExplain: string;
  stopButton: string;
  stoppedTitle: string;
  stopped: string;
}

export const SURVEY_WORDS: Record<SurveyLanguage, SurveyWords> = {
  en: {
    title: 'A few questions',
    skipLink: 'Skip to main content',
    heading: 'A few questions about how it went for you',
    anonymous:
      'Your answers are anonymous: they are kept apart from your name and your details, and are only ever counted together with other people’s.',
    changesNothing: 'Answering, or not answering, changes nothing for you. Nobody checks whether you answered.',
    skip: 'Answer only the questions you want to. You can leave any of them out.',
    scale: ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'],
    preferNotToSay: 'Prefer not to say',
    or: 'or',
    send: 'Send my answers',
    otherWays:
      'If you would rather answer by phone, or with an interpreter, with someone other than the person who ran your meeting, reply to the e-mail that brought you here.',
    support:
      'If answering brings up difficult feelings, you can talk to a support service you trust or your doctor. In an emergency, call 112.',
    thanksTitle: 'Thank you',
    thanks: 'Your answers have been received. This link no longer works, so nobody else can use it.',
    closedTitle: 'This link no longer opens the questions',
    closed: {
      used: 'The questions behind this link have already been answered. Each link works once.',
      expired: 'This link has expired: each link works for 30 days.',
      unknown:
        'This link is not one we sent, or it was copied incompletely. Check that you copied the whole address from the e-mail.',
    },
    nothingStored: 'Nothing has been recorded from this visit.',
    stopLink: 'I do not want to be asked again',
    stopTitle: 'Stop asking me',
    stopExplain:
      'If you would rather not be asked these questions, we will not send you any more e-mails about them, not even a reminder. Nobody will ask you why.',
    stopButton: 'Do not ask me again',
    stoppedTitle: 'We will not ask you again',
    stopped: 'You will get no more e-mails about these questions. You do not need to do anything else.',
  },
  es: {
    title: 'Unas preguntas',
    skipLink: 'Saltar al contenido principal',
    heading: 'Unas preguntas sobre cómo le fue',
    anonymous:
      'Sus respuestas son anónimas: se guardan separadas de su nombre y sus datos, y solo se cuentan junto con las de otras personas.',
    changesNothing: 'Responder, o no responder, no cambia nada para usted. Nadie comprueba si ha respondido.',
    skip: 'Responda solo a las preguntas que quiera. Puede dejar cualquiera sin responder.',
    scale: [
      'Totalmente en desacuerdo',
      'En desacuerdo',
      'Ni de acuerdo ni en desacuerdo',
      'De acuerdo',
      'Totalmente de acuerdo',
    ],
    preferNotToSay: 'Prefiero no decirlo',
    or: 'o',
    send: 'Enviar mis respuestas',
    otherWays:
      'Si prefiere responder por teléfono, o con intérprete, con otra persona distinta de quien dirigió su encuentro, responda al correo que le trajo aquí.',
    support:
      'Si responder le remueve sentimientos difíciles, puede hablar con un servicio de apoyo de su confianza o con su médico. En caso de emergencia, llame al 112.',
    thanksTitle: 'Gracias',
    thanks: 'Hemos recibido sus respuestas. Este enlace ya no funciona, así que nadie más puede usarlo.',
    closedTitle: 'Este enlace ya no abre las preguntas',
    closed: {
      used: 'Las preguntas de este enlace ya se respondieron. Cada enlace funciona una sola vez.',
      expired: 'Este enlace ha caducado: cada enlace funciona durante 30 días.',
      unknown:
        'Este enlace no es uno de los que enviamos, o se copió incompleto. Compruebe que copió la dirección entera del correo.',
    },
    nothingStored: 'No se ha guardado nada de esta visita.',
    stopLink: 'No quiero que me lo vuelvan a pedir',
    stopTitle: 'No me lo vuelvan a pedir',
    stopExplain:
      'Si prefiere que no le hagamos estas preguntas, no le enviaremos más correos sobre ellas, ni siquiera un recordatorio. Nadie le preguntará por qué.',
    stopButton: 'No me lo vuelvan a pedir',
    stoppedTitle: 'No se lo volveremos a pedir',
    stopped: 'No recibirá más correos sobre estas preguntas. No tiene que hacer nada más.',
  },
};

export function wordsFor(language: string | undefined): { language: SurveyLanguage; words: SurveyWords } {
  const chosen: SurveyLanguage = language === 'es' ? 'es' : 'en';
  return { language: chosen, words: SURVEY_WORDS[chosen] };
}
