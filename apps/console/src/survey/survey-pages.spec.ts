import { renderPage } from '../test/render';
import { SURVEY_WORDS, wordsFor } from './survey-words';

describe('survey pages', () => {
  it('has every word in Spanish and English', () => {
    expect(Object.keys(SURVEY_WORDS.es).sort()).toEqual(Object.keys(SURVEY_WORDS.en).sort());
    expect(wordsFor('es').language).toBe('es');
    expect(wordsFor('nl').language).toBe('en');
  });

  it('renders the form in the participant’s language with a neutral header, every question skippable', async () => {
    const { words } = wordsFor('es');
    const choices = [
      ...words.scale.map((text, i) => ({ value: String(i + 1), text })),
      { divider: words.or },
      { value: 'prefer_not_to_say', text: words.preferNotToSay },
    ];
    const html = await renderPage('pages/survey/survey.njk', {
      user: null,
      title: words.title,
      words,
      htmlLang: 'es',
      language: 'es',
      action: '/survey/abc',
      questions: [{ id: 'safe', number: 1, text: 'Me sentí seguro o segura.', choices }],
    });
    expect(html).toContain('<html lang="es"');
    expect(html).toContain('Saltar al contenido principal');
    expect(html).toContain('name="answer-safe"');
    // Six choices, each labelled: the five of the scale and "prefer not to say", after a divider.
    expect(html.match(/<input class="govuk-radios__input"/g)).toHaveLength(6);
    expect(html.match(/<label class="govuk-label govuk-radios__label"/g)).toHaveLength(6);
    expect(html).not.toMatch(/required/);
    expect(html).not.toMatch(/Restorative|restaurativ/i);
  });

  it('asks before it stops the mail, in a plain form, and confirms in the same language', async () => {
    const { words } = wordsFor('es');
    const ask = await renderPage('pages/survey/stop.njk', {
      user: null,
      title: words.stopTitle,
      words,
      htmlLang: 'es',
      language: 'es',
      action: '/survey/abc/stop',
    });
    expect(ask).toContain('<form method="post" action="/survey/abc/stop"');
    expect(ask).toContain('name="_csrf"');
    expect(ask).toContain('No me lo vuelvan a pedir');
    const done = await renderPage('pages/survey/stopped.njk', {
      user: null,
      title: words.stoppedTitle,
      words,
      htmlLang: 'es',
    });
    expect(done).toContain('No se lo volveremos a pedir');
    expect(done).not.toMatch(/Restorative|restaurativ/i);
  });
});
