import { Body, Controller, Get, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ForRoles } from '../auth/access';
import { CurrentUser } from '../auth/current-user';
import { ServiceApi } from '../platform/api-client';
import { flash } from '../platform/flash';
import { pageId } from '../platform/ids';
import type { SessionUser } from '../platform/session-user';
import { loadCase } from './mediator-cases';
import { refusalText } from './refusal';

interface Note {
  id: string;
  authorSub: string;
  createdAt: string;
  text: string | null;
}

/**
 * What stays with the programme: confidential notes (the assigned mediators only read them),
 * a disclosure with its legal basis, and the conclusion with a neutral reason code.
 */
@Controller('mediator/cases/:id')
@ForRoles('mediator')
export class ConfidentialPagesController {
  constructor(private readonly api: ServiceApi) {}

  @Get('notes')
  async notes(@CurrentUser() user: SessionUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    res.render('pages/mediator/notes.njk', await this.notesPage(user, pageId(id)));
  }

  @Post('notes')
  async addNote(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Body('text') text: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const caseId = pageId(id);
    const note = typeof text === 'string' ? text.trim() : '';
    let error = note ? undefined : 'Enter the note';
    if (!error) {
      try {
        await this.api.post(user, 'mediation-scheduling', `/api/cases/${caseId}/notes`, { body: { text: note } });
      } catch (refused) {
        error = refusalText(refused);
        if (!error) throw refused;
      }
    }
    if (error)
      return res.status(400).render('pages/mediator/notes.njk', {
        ...(await this.notesPage(user, caseId)),
        pageHasErrors: true,
        error,
        value: note,
      });
    flash(req, 'Note added', 'Only the mediators assigned to the case can read it.');
    res.redirect(303, `/mediator/cases/${caseId}/notes`);
  }

  @Get('disclosure')
  async disclosureForm(@CurrentUser() user: SessionUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const caseId = pageId(id);
    await this.declaredCase(user, caseId);
    res.render('pages/mediator/disclosure.njk', { title: 'Record a disclosure', caseId, values: {} });
  }

  @Post('disclosure')
  async disclose(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Body() body: Record<string, string>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const caseId = pageId(id);
    const values = {
      legalBasis: body['legalBasis'] ?? '',
      recipientKind: body['recipientKind'] ?? '',
      recipient: (body['recipient'] ?? '').trim(),
    };
    let error = !values.legalBasis
      ? 'Select the legal basis'
      : !values.recipientKind
        ? 'Select who receives it'
        : !values.recipient
          ? 'Enter who exactly receives it'
          : undefined;
    if (!error) {
      try {
        await this.api.post(user, 'mediation-scheduling', `/api/cases/${caseId}/disclosures`, { body: values });
      } catch (refused) {
        error = refusalText(refused);
        if (!error) throw refused;
      }
    }
    if (error)
      return res.status(400).render('pages/mediator/disclosure.njk', {
        title: 'Record a disclosure',
        caseId,
        values,
        pageHasErrors: true,
        error,
      });
    flash(
      req,
      'Disclosure recorded',
      'The legal basis and the kind of recipient are kept in the case’s history; who exactly stays here, encrypted.',
    );
    res.redirect(303, `/mediator/cases/${caseId}`);
  }

  @Get('conclude')
  async concludeForm(@CurrentUser() user: SessionUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const caseId = pageId(id);
    await this.declaredCase(user, caseId);
    res.render('pages/mediator/conclude.njk', { title: 'Conclude the case', caseId, values: {} });
  }

  @Post('conclude')
  async conclude(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Body() body: Record<string, string>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const caseId = pageId(id);
    const outcome = body['outcome'] ?? '';
    const values = { outcome, reasonCode: body['reasonCode'] ?? '' };
    let error = !outcome
      ? 'Select whether an agreement was reached'
      : outcome === 'no_agreement' && !values.reasonCode
        ? 'Select the reason'
        : undefined;
    if (!error) {
      try {
        const agreementReached = outcome === 'agreement';
        await this.api.post(user, 'mediation-scheduling', `/api/cases/${caseId}/conclude`, {
          body: agreementReached ? { agreementReached } : { agreementReached, reasonCode: values.reasonCode },
        });
      } catch (refused) {
        error = refusalText(refused);
        if (!error) throw refused;
      }
    }
    if (error)
      return res.status(400).render('pages/mediator/conclude.njk', {
        title: 'Conclude the case',
        caseId,
        values,
        pageHasErrors: true,
        error,
      });
    flash(req, 'Case concluded');
    res.redirect(303, `/mediator/cases/${caseId}`);
  }

  private async notesPage(user: SessionUser, caseId: string) {
    await this.declaredCase(user, caseId);
    const notes = await this.api.get<{ items: Note[] }>(user, 'mediation-scheduling', `/api/cases/${caseId}/notes`);
    return { title: 'Confidential notes', caseId, notes: notes.items };
  }

  /** Pages of a case the mediator has not declared about are the declaration instead. */
  private async declaredCase(user: SessionUser, caseId: string): Promise<void> {
    const found = await loadCase(this.api, user, caseId);
    if (!found.declared) throw new NotFoundException();
  }
}
