import type { FeedbackSurvey } from './feedback-release';

/**
 * The survey's items (issue 20; Shapland et al. 2007, Strang 2002, Tyler 1990, Umbreit, Coates
 * & Vos 2004): a 5-point agree/disagree scale plus "prefer not to say", every item skippable,
 * no free text. A minor gets the same items in simpler words. Item 7 only after an agreement;
 * item 8 differs by role. The second survey is for the person harmed.
 */
export const ANSWER_VALUES = ['1', '2', '3', '4', '5', 'prefer_not_to_say'] as const;
export type AnswerValue = (typeof ANSWER_VALUES)[number];

export type SurveyLanguage = 'en' | 'es';
export type Wording = Record<SurveyLanguage, { adult: string; minor: string }>;

interface Item {
  id: string;
  survey: FeedbackSurvey;
  onlyWithAgreement?: boolean;
  role?: 'harmed' | 'responsible';
  text: Wording;
}

const w = (enAdult: string, enMinor: string, esAdult: string, esMinor: string): Wording => ({
  en: { adult: enAdult, minor: enMinor },
  es: { adult: esAdult, minor: esMinor },
});

export const SURVEY_ITEMS: readonly Item[] = [
  {
    id: 'prepared',
    survey: 'first',
    text: w(
      'I was given enough information and preparation to know what to expect.',
      'I was told enough to know what would happen.',
      'Recibí suficiente información y preparación para saber qué esperar.',
      'Me explicaron lo suficiente para saber qué iba a pasar.',
    ),
  },
  {
    id: 'free_to_choose',
    survey: 'first',
    text: w(
      'I felt free to decide whether to take part, and to stop.',
      'I felt I could say yes or no, and stop at any time.',
      'Me sentí libre de decidir si participaba, y de dejarlo.',
      'Sentí que podía decir sí o no, y parar cuando quisiera.',
    ),
  },
  {
    id: 'safe',
    survey: 'first',
    text: w(
      'I felt safe taking part.',
      'I felt safe.',
      'Me sentí seguro o segura al participar.',
      'Me sentí seguro o segura.',
    ),
  },
  {
    id: 'respected',
    survey: 'first',
    text: w(
      'The facilitator treated me with respect.',
      'The person running it was respectful to me.',
      'La persona facilitadora me trató con respeto.',
      'La persona que lo dirigía me trató con respeto.',
    ),
  },
  {
    id: 'fair_facilitator',
    survey: 'first',
    text: w(
      'The facilitator was fair to everyone.',
      'The person running it was fair to everyone.',
      'La persona facilitadora fue justa con todos.',
      'La persona que lo dirigía fue justa con todos.',
    ),
  },
  {
    id: 'voice',
    survey: 'first',
    text: w(
      'I was able to say what I wanted to say.',
      'I could say what I wanted to say.',
      'Pude decir lo que quería decir.',
      'Pude decir lo que quería.',
    ),
  },
  {
    id: 'fair_agreement',
    survey: 'first',
    onlyWithAgreement: true,
    text: w(
      'What was agreed is fair.',
      'What we agreed is fair.',
      'Lo que se acordó es justo.',
      'Lo que acordamos es justo.',
    ),
  },
  {
    id: 'helped_harmed',
    survey: 'first',
    role: 'harmed',
    text: w(
      'It helped me deal with what happened.',
      'It helped me with what happened.',
      'Me ayudó a afrontar lo que pasó.',
      'Me ayudó con lo que pasó.',
    ),
  },
  {
    id: 'helped_responsible',
    survey: 'first',
    role: 'responsible',
    text: w(
      'It helped me understand the effect on others and make amends.',
      'It helped me see how others were affected and put things right.',
      'Me ayudó a entender el efecto en otras personas y a reparar el daño.',
      'Me ayudó a ver cómo afectó a otros y a arreglarlo.',
    ),
  },
  {
    id: 'satisfied',
    survey: 'first',
    text: w(
      'Overall, I am satisfied with how the process was run.',
      'Overall, I am happy with how it was done.',
      'En general, estoy satisfecho o satisfecha con cómo se llevó el proceso.',
      'En general, estoy contento o contenta con cómo se hizo.',
    ),
  },
  {
    id: 'recommend',
    survey: 'first',
    text: w(
      'I would recommend this to someone in my situation.',
      'I would tell someone like me to do this.',
      'Lo recomendaría a alguien en mi situación.',
      'Se lo recomendaría a alguien como yo.',
    ),
  },
  {
    id: 'agreement_done',
    survey: 'second',
    role: 'harmed',
    text: w(
      'What was agreed has been done.',
      'What we agreed has been done.',
      'Se ha cumplido lo que se acordó.',
      'Se ha hecho lo que acordamos.',
    ),
  },
  {
    id: 'less_worried',
    survey: 'second',
    role: 'harmed',
    text: w(
      'I feel less worried about what happened.',
      'I worry less about what happened.',
      'Me siento menos preocupado o preocupada por lo que pasó.',
      'Me preocupa menos lo que pasó.',
    ),
  },
  {
    id: 'recommend_later',
    survey: 'second',
    role: 'harmed',
    text: w(
      'I would recommend this to someone in my situation.',
      'I would tell someone like me to do this.',
      'Lo recomendaría a alguien en mi situación.',
      'Se lo recomendaría a alguien como yo.',
    ),
  },
];

export interface SurveyShape {
  survey: FeedbackSurvey;
  role: 'harmed' | 'responsible';
  agreementReached: boolean;
}

export function surveyItems(shape: SurveyShape): Item[] {
  return SURVEY_ITEMS.filter(
    (item) =>
      item.survey === shape.survey &&
      (!item.role || item.role === shape.role) &&
      (!item.onlyWithAgreement || shape.agreementReached),
  );
}

/** Keeps only the answers to this survey's items with a value of the scale; anything else is refused. */
export function validSurveyAnswers(
  shape: SurveyShape,
  answers: Record<string, unknown>,
): { ok: true; answers: Record<string, AnswerValue> } | { ok: false; problems: string[] } {
  const items = new Set(surveyItems(shape).map((item) => item.id));
  const problems: string[] = [];
  const kept: Record<string, AnswerValue> = {};
  for (const [id, value] of Object.entries(answers)) {
    if (!items.has(id)) problems.push(`${id} is not a question of this survey`);
    else if (value === '' || value === undefined)
      continue; // skipped: every item is optional
    else if (!(ANSWER_VALUES as readonly unknown[]).includes(value))
      problems.push(`${id} must be 1 to 5 or prefer_not_to_say`);
    else kept[id] = value as AnswerValue;
  }
  return problems.length ? { ok: false, problems } : { ok: true, answers: kept };
}
