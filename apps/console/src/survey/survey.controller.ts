import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PublicPage } from '../auth/access';
import { SurveyClient, type SurveyAnswer } from './survey.client';
import { wordsFor } from './survey-words';

const CHOICES = ['1', '2', '3', '4', '5', 'prefer_not_to_say'];

/**
 * The participant's survey (issue 20), opened from the single-use link of the invitation: no
 * sign-in, in the participant's language, every question skippable. A used, expired or forged
 * link gets a page that says what happened; nothing is stored from it. Never cached.
 */
@Controller('survey')
@PublicPage()
export class SurveyController {
  constructor(private readonly surveys: SurveyClient) {}

  @Get(':token')
  async page(@Param('token') token: string, @Res() res: Response): Promise<void> {
    res.setHeader('cache-control', 'no-store');
    res.setHeader('referrer-policy', 'no-referrer');
    const reply = await this.surveys.get(token);
    if (reply.status !== 'ok') return this.closed(res, reply.status === 'closed' ? reply.state : 'unknown');
    this.form(res, token, reply.body);
  }

  @Post(':token')
  async answer(
    @Param('token') token: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    res.setHeader('cache-control', 'no-store');
    const answers = Object.fromEntries(
      Object.entries(body)
        .filter(([name, value]) => name.startsWith('answer-') && typeof value === 'string' && CHOICES.includes(value))
        .map(([name, value]) => [name.slice('answer-'.length), value as string]),
    );
    const language = typeof body['language'] === 'string' ? body['language'] : undefined;
    const reply = await this.surveys.answer(token, answers);
    if (reply.status === 'closed') return this.closed(res, reply.state, language);
    if (reply.status === 'invalid') return this.closed(res, 'unknown', language);
    const { language: lang, words } = wordsFor(language);
    res.render('pages/survey/thanks.njk', { title: words.thanksTitle, words, htmlLang: lang });
  }

  /** "Stop asking me" asks first: a mail scanner that follows the link must not record anyone's wish. */
  @Get(':token/stop')
  async stopPage(@Param('token') token: string, @Res() res: Response): Promise<void> {
    res.setHeader('cache-control', 'no-store');
    res.setHeader('referrer-policy', 'no-referrer');
    const reply = await this.surveys.get(token);
    if (reply.status === 'closed' && reply.state === 'unknown') return this.closed(res, 'unknown');
    // A used or expired link still stops the mail; its language is no longer known, so English.
    const { language, words } = wordsFor(reply.status === 'ok' ? reply.body.language : undefined);
    res.render('pages/survey/stop.njk', {
      title: words.stopTitle,
      words,
      htmlLang: language,
      language,
      action: `/survey/${encodeURIComponent(token)}/stop`,
    });
  }

  @Post(':token/stop')
  async stop(
    @Param('token') token: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    res.setHeader('cache-control', 'no-store');
    const language = typeof body['language'] === 'string' ? body['language'] : undefined;
    const reply = await this.surveys.stop(token);
    if (reply.status !== 'ok') return this.closed(res, 'unknown', language);
    const { language: lang, words } = wordsFor(language);
    res.render('pages/survey/stopped.njk', { title: words.stoppedTitle, words, htmlLang: lang });
  }

  private form(res: Response, token: string, survey: SurveyAnswer): void {
    const { language, words } = wordsFor(survey.language);
    const choices = [
      ...words.scale.map((text, i) => ({ value: String(i + 1), text })),
      { divider: words.or },
      { value: 'prefer_not_to_say', text: words.preferNotToSay },
    ];
    res.render('pages/survey/survey.njk', {
      title: words.title,
      words,
      htmlLang: language,
      language,
      action: `/survey/${encodeURIComponent(token)}`,
      stopHref: `/survey/${encodeURIComponent(token)}/stop`,
      questions: survey.items.map((item, index) => ({ ...item, number: index + 1, choices })),
    });
  }

  private closed(res: Response, state: 'used' | 'expired' | 'unknown', language?: string): void {
    const { language: lang, words } = wordsFor(language);
    res.status(state === 'unknown' ? 404 : 410).render('pages/survey/closed.njk', {
      title: words.closedTitle,
      words,
      message: words.closed[state],
      htmlLang: lang,
    });
  }
}
