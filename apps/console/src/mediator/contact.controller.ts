import { Body, Controller, Get, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ForRoles } from '../auth/access';
import { CurrentUser } from '../auth/current-user';
import { ServiceApi } from '../platform/api-client';
import { flash } from '../platform/flash';
import { pageId } from '../platform/ids';
import type { SessionUser } from '../platform/session-user';
import type { CaseDetail, ParticipantDetail } from './api-shapes';
import { loadCase, participantOf } from './mediator-cases';
import { refusalText } from './refusal';

const CHANNELS = ['email', 'sms', 'phone'];

/**
 * A participant's contact and safe channels, as the participant confirmed them today: saving
 * is the re-confirmation, and the service keeps its date. Reminders use only safe channels.
 */
@Controller('mediator/cases/:id/participants/:participantId/contact')
@ForRoles('mediator')
export class ContactPagesController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  async form(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Param('participantId') pid: string,
    @Res() res: Response,
  ): Promise<void> {
    const { detail, participant } = await this.participant(user, pageId(id), pageId(pid));
    const values = {
      email: participant.contact?.email ?? '',
      phone: participant.contact?.phone ?? '',
      safeChannels: participant.contact?.safeChannels ?? [],
    };
    res.render('pages/mediator/forms/contact.njk', { title: 'Contact and safe channels', detail, participant, values });
  }

  @Post()
  async save(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Param('participantId') pid: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const caseId = pageId(id);
    const participantId = pageId(pid);
    const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');
    const listed = Array.isArray(body['safeChannels'])
      ? body['safeChannels'].map(String)
      : text('safeChannels')
        ? [text('safeChannels')]
        : [];
    const values = {
      email: text('email'),
      phone: text('phone'),
      safeChannels: listed.filter((channel) => CHANNELS.includes(channel)),
    };
    let error =
      text('confirmed') === 'yes' ? undefined : 'Confirm that the participant confirmed these details with you';
    if (!error) {
      try {
        await this.api.put(user, 'mediation-scheduling', `/api/cases/${caseId}/participants/${participantId}/contact`, {
          body: { email: values.email || null, phone: values.phone || null, safeChannels: values.safeChannels },
        });
      } catch (refused) {
        error = refusalText(refused);
        if (!error) throw refused;
      }
    }
    if (error) {
      const { detail, participant } = await this.participant(user, caseId, participantId);
      return res.status(400).render('pages/mediator/forms/contact.njk', {
        title: 'Contact and safe channels',
        detail,
        participant,
        values,
        pageHasErrors: true,
        error,
      });
    }
    flash(req, 'Contact details confirmed', 'Reminders go out only through the channels marked safe.');
    res.redirect(303, `/mediator/cases/${caseId}#participant-${participantId}`);
  }

  private async participant(
    user: SessionUser,
    caseId: string,
    participantId: string,
  ): Promise<{ detail: CaseDetail; participant: ParticipantDetail }> {
    const found = await loadCase(this.api, user, caseId);
    if (!found.declared) throw new NotFoundException();
    return { detail: found.detail, participant: participantOf(found.detail, participantId) };
  }
}
