import { Body, Controller, Get, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ForRoles } from '../auth/access';
import { CurrentUser } from '../auth/current-user';
import { ServiceApi } from '../platform/api-client';
import { flash } from '../platform/flash';
import { pageId } from '../platform/ids';
import type { SessionUser } from '../platform/session-user';
import type { CaseDetail, GateParticipant, ParticipantDetail } from './api-shapes';
import { checklistOf, loadCase, loadGate, participantOf } from './mediator-cases';
import { refusalText } from './refusal';

type FormName = 'information' | 'risk' | 'consent' | 'acknowledgement';

const TITLES: Record<FormName, string> = {
  information: 'Record the information given',
  risk: 'Record a risk assessment',
  consent: 'Record a consent decision',
  acknowledgement: 'Record the acknowledgement of responsibility',
};

/** Factor codes a risk assessment may name; they stay with the programme, never in events. */
export const RISK_FACTORS = [
  'prior_contact',
  'power_imbalance',
  'intimidation',
  'mental_health',
  'substance_use',
  'ongoing_conflict',
  'other',
] as const;

/**
 * What the mediator records per participant: each form satisfies an item of the dialogue
 * gate's checklist. The service checks every rule; these pages say its answer in words.
 */
@Controller('mediator/cases/:id/participants/:participantId')
@ForRoles('mediator')
export class PreparationFormsController {
  constructor(private readonly api: ServiceApi) {}

  @Get(':form')
  async form(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Param('participantId') pid: string,
    @Param('form') form: string,
    @Query('guardian') guardian: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const name = formName(form);
    const context = await this.context(user, pageId(id), pageId(pid));
    if (!context) return res.redirect(303, `/mediator/cases/${pageId(id)}`);
    res.render(`pages/mediator/forms/${name}.njk`, {
      title: TITLES[name],
      ...context,
      values: { byGuardian: guardian === '1' ? 'yes' : undefined },
      factors: RISK_FACTORS,
    });
  }

  @Post(':form')
  async record(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Param('participantId') pid: string,
    @Param('form') form: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const name = formName(form);
    const caseId = pageId(id);
    const participantId = pageId(pid);
    const call = requestOf(name, participantId, body);
    let error = 'error' in call ? call.error : undefined;
    if ('path' in call) {
      try {
        await this.api.post(user, 'mediation-scheduling', `/api/cases/${caseId}/${call.path}`, { body: call.body });
      } catch (refused) {
        error = refusalText(refused);
        if (!error) throw refused;
      }
    }
    if (error) {
      const context = await this.context(user, caseId, participantId);
      if (!context) return res.redirect(303, `/mediator/cases/${caseId}`);
      return res.status(400).render(`pages/mediator/forms/${name}.njk`, {
        title: TITLES[name],
        ...context,
        values: body,
        factors: RISK_FACTORS,
        pageHasErrors: true,
        error,
      });
    }
    flash(req, 'heading' in call ? call.heading : 'Recorded');
    res.redirect(303, `/mediator/cases/${caseId}#participant-${participantId}`);
  }

  private async context(
    user: SessionUser,
    caseId: string,
    participantId: string,
  ): Promise<{ detail: CaseDetail; participant: ParticipantDetail; checklist: GateParticipant } | null> {
    const found = await loadCase(this.api, user, caseId);
    if (!found.declared) return null;
    const participant = participantOf(found.detail, participantId);
    const gate = await loadGate(this.api, user, caseId);
    return { detail: found.detail, participant, checklist: checklistOf(gate.participants, participantId) };
  }
}

function formName(form: string): FormName {
  if (form in TITLES) return form as FormName;
  // Anything else under a participant is a page that does not exist.
  throw new NotFoundException();
}

type Call = { path: string; body: Record<string, unknown>; heading: string } | { error: string };

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const list = (value: unknown) =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? [value] : [];

/** The service call a submitted form asks for, or what is missing from it. */
export function requestOf(name: FormName, participantId: string, body: Record<string, unknown>): Call {
  switch (name) {
    case 'information': {
      const informationVersion = text(body['informationVersion']);
      const language = text(body['language']).toLowerCase();
      if (!informationVersion) return { error: 'Enter the version of the information pack' };
      if (!language) return { error: 'Enter the language the information was given in' };
      return {
        path: 'information',
        body: { participantId, informationVersion, language },
        heading: 'Information recorded',
      };
    }
    case 'risk': {
      const outcome = text(body['outcome']);
      if (!['proceed', 'indirect_only', 'stop'].includes(outcome))
        return { error: 'Select the outcome of the assessment' };
      return {
        path: 'risk-assessments',
        body: { participantId, outcome, factors: list(body['factors']) },
        heading: 'Risk assessment recorded',
      };
    }
    case 'consent': {
      const purpose = text(body['purpose']);
      const decision = text(body['decision']);
      if (!purpose) return { error: 'Select what the consent is for' };
      if (!decision) return { error: 'Select the decision' };
      return {
        path: 'consents',
        body: { participantId, purpose, decision, byGuardian: text(body['byGuardian']) === 'yes' },
        heading: 'Consent decision recorded',
      };
    }
    case 'acknowledgement':
      if (text(body['confirm']) !== 'yes')
        return { error: 'Confirm that the person responsible acknowledged the basic facts' };
      return { path: 'acknowledgements', body: { participantId }, heading: 'Acknowledgement recorded' };
  }
}
