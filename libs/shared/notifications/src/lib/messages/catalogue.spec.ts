import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { CATALOGUES, COMPLETE_LANGUAGES, messageLanguageFor, renderMessage } from './catalogue';
import { localDateTime } from './local-datetime';
import { MESSAGE_KEYS } from './message-keys';

/** The placeholders of a message and, for each select, its choices: what every translation must share. */
function shapeOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.date || element.type === TYPE.time)
      into.add(element.value);
    if (element.type === TYPE.select) {
      into.add(`${element.value}:${Object.keys(element.options).sort().join('|')}`);
      for (const option of Object.values(element.options)) shapeOf(option.value, into);
    }
  }
  return into;
}

describe('the participants’ message catalogue', () => {
  it('has English and Spanish complete', () => {
    expect(COMPLETE_LANGUAGES).toEqual(expect.arrayContaining(['en', 'es']));
  });

  it.each(COMPLETE_LANGUAGES)(
    'has every message key in %s, with the placeholders and choices of English',
    (language) => {
      const catalogue = CATALOGUES[language];
      expect(Object.keys(catalogue).sort()).toEqual([...MESSAGE_KEYS].sort());
      for (const key of MESSAGE_KEYS) {
        expect(typeof catalogue[key]).toBe('string');
        expect({ key, shape: [...shapeOf(parse(catalogue[key]))].sort() }).toEqual({
          key,
          shape: [...shapeOf(parse(CATALOGUES.en[key]))].sort(),
        });
      }
    },
  );

  it('never says "restorative justice", in any language', () => {
    for (const language of COMPLETE_LANGUAGES) {
      for (const key of MESSAGE_KEYS)
        expect(CATALOGUES[language][key]).not.toMatch(/restorative|justice|justicia|restaurativ/i);
    }
  });

  it('writes a Spanish reminder with the local time of Los Angeles on both sides of the March switch', () => {
    const before = localDateTime(new Date('2026-03-07T18:00:00Z'), 'es', 'America/Los_Angeles');
    const after = localDateTime(new Date('2026-03-09T17:00:00Z'), 'es', 'America/Los_Angeles');
    expect(before).toEqual({ date: 'sábado, 7 de marzo de 2026', time: '10:00', zone: 'GMT-8' });
    expect(after).toEqual({ date: 'lunes, 9 de marzo de 2026', time: '10:00', zone: 'GMT-7' });
    expect(
      renderMessage('es', 'session.reminder.subject', { kind: 'joint_dialogue', ...after, interpreter: 'no' }),
    ).toBe('Recordatorio: su reunión de diálogo el lunes, 9 de marzo de 2026 a las 10:00');
    const body = renderMessage('es', 'session.reminder.body', { kind: 'preparation', ...before, interpreter: 'yes' });
    expect(body).toContain('su reunión de preparación el sábado, 7 de marzo de 2026 a las 10:00 (GMT-8).');
    expect(body).toContain('Habrá un intérprete para usted.');
    expect(
      renderMessage('en', 'session.reminder.body', {
        kind: 'follow_up',
        ...localDateTime(new Date('2026-03-09T17:00:00Z'), 'en', 'America/Los_Angeles'),
        interpreter: 'no',
      }),
    ).toBe(
      'This is a reminder of your follow-up meeting on Monday, March 9, 2026 at 10:00 (PDT).\nIf you cannot attend, please contact your mediator.',
    );
  });

  it('writes to a participant in their language, in English when theirs has no catalogue and they need no interpreter, and not at all when they do', () => {
    expect(messageLanguageFor({ preferredLanguage: 'es', interpreter: true })).toBe('es');
    expect(messageLanguageFor({ preferredLanguage: 'es-MX', interpreter: false })).toBe('es');
    expect(messageLanguageFor({ preferredLanguage: 'nl', interpreter: false })).toBe('en');
    expect(messageLanguageFor({ preferredLanguage: 'ar', interpreter: true })).toBeNull();
  });
});
