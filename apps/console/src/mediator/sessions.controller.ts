import { Body, Controller, Get, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ForRoles } from '../auth/access';
import { CurrentUser } from '../auth/current-user';
import { ServiceApi } from '../platform/api-client';
import { flash } from '../platform/flash';
import { pageId } from '../platform/ids';
import { ticked, type Posted } from '../admin/forms/form-fields';
import type { SessionUser } from '../platform/session-user';
import type { CaseDetail, Gate, Page, Session } from './api-shapes';
import { loadCase, loadGate } from './mediator-cases';
import { refusalText } from './refusal';
import { isFormErrors, readSessionForm, sessionTimes, type FormErrors, type SessionFormValues } from './session-form';

const VENUE_TYPES = ['programme_office', 'community_venue', 'video_call', 'home_visit', 'other'];

/**
 * A case's sessions: schedule (a dialogue only as the gate allows it), reschedule, cancel and
 * record who attended. A meeting already held is recorded with its attendance.
 */
/** The route parameters of a page about one session of a case. */
interface SessionPath {
  id: string;
  sessionId: string;
}

@Controller('mediator/cases/:id/sessions')
@ForRoles('mediator')
export class MediatorSessionsController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  async list(@CurrentUser() user: SessionUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const { detail } = await this.declared(user, pageId(id));
    const sessions = await this.api.get<Page<Session>>(
      user,
      'mediation-scheduling',
      `/api/cases/${detail.id}/sessions`,
    );
    res.render('pages/mediator/sessions.njk', {
      title: 'Sessions',
      detail,
      sessions: sessions.items,
      names: namesOf(detail),
    });
  }

  @Get('new')
  async newForm(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Query() query: Record<string, string>,
    @Res() res: Response,
  ): Promise<void> {
    const { detail, gate } = await this.declared(user, pageId(id));
    const values: SessionFormValues = {
      kind: query['kind'],
      participantIds: query['participant'] ? [query['participant']] : [],
      held: query['held'],
    };
    res.render('pages/mediator/session-form.njk', this.formPage(detail, gate, values));
  }

  @Post('new')
  async schedule(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { detail, gate } = await this.declared(user, pageId(id));
    const values = readSessionForm(body);
    const errors: FormErrors = { summary: [], byField: {} };
    const add = (field: string, text: string) => {
      errors.summary.push({ href: `#${field}`, text });
      errors.byField[field] = { text };
    };
    const dialogue = values.kind === 'joint_dialogue' || values.kind === 'indirect_dialogue';
    const participantIds = dialogue ? detail.participants.map((p) => p.id) : (values.participantIds ?? []);
    if (!values.kind || !kindsOffered(gate).includes(values.kind))
      add('kind', 'Select a kind of session that can be booked now');
    if (!dialogue && participantIds.length === 0) add('participantIds', 'Select who takes part');
    if (!values.venueType || !VENUE_TYPES.includes(values.venueType)) add('venueType', 'Select where it takes place');
    const times = sessionTimes(values);
    if (isFormErrors(times)) {
      errors.summary.push(...times.summary);
      Object.assign(errors.byField, times.byField);
    }
    if (!errors.summary.length && !isFormErrors(times)) {
      const held = values.held === 'yes';
      const attendance = held
        ? participantIds.map((participantId) => ({
            participantId,
            present: (values.present ?? []).includes(participantId),
          }))
        : undefined;
      try {
        await this.api.post(user, 'mediation-scheduling', `/api/cases/${detail.id}/sessions`, {
          body: {
            kind: values.kind,
            ...times,
            venueType: values.venueType,
            location: values.location || undefined,
            participantIds,
            mediatorIds: [user.sub],
            attendance,
          },
        });
        flash(
          req,
          held ? 'Session recorded' : 'Session booked',
          held
            ? 'It is recorded with who attended.'
            : 'Reminders go out only through the channels each participant marked as safe.',
        );
        return res.redirect(303, `/mediator/cases/${detail.id}/sessions`);
      } catch (refused) {
        const text = refusalText(refused);
        if (!text) throw refused;
        errors.summary.push({ href: '#kind', text });
      }
    }
    res.status(400).render('pages/mediator/session-form.njk', {
      ...this.formPage(detail, gate, values),
      pageHasErrors: true,
      errors,
    });
  }

  @Get(':sessionId/reschedule')
  async rescheduleForm(
    @CurrentUser() user: SessionUser,
    @Param() path: SessionPath,
    @Res() res: Response,
  ): Promise<void> {
    const { detail, session } = await this.session(user, path);
    const start = new Date(session.startsAt);
    const values: SessionFormValues = {
      day: String(start.getUTCDate()),
      month: String(start.getUTCMonth() + 1),
      year: String(start.getUTCFullYear()),
      time: start.toISOString().slice(11, 16),
      duration: String(Math.round((Date.parse(session.endsAt) - start.getTime()) / 60_000)),
      venueType: session.venueType ?? undefined,
      location: session.location ?? undefined,
    };
    res.render('pages/mediator/reschedule.njk', {
      title: 'Move the session',
      detail,
      session,
      values,
      venueTypes: VENUE_TYPES,
    });
  }

  @Post(':sessionId/reschedule')
  async reschedule(
    @CurrentUser() user: SessionUser,
    @Param() path: SessionPath,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { detail, session } = await this.session(user, path);
    const values = readSessionForm(body);
    const times = sessionTimes(values);
    let errors = isFormErrors(times) ? times : undefined;
    if (!isFormErrors(times)) {
      try {
        await this.api.patch(user, 'mediation-scheduling', `/api/sessions/${session.id}`, {
          body: { ...times, venueType: values.venueType || undefined, location: values.location || undefined },
        });
        flash(req, 'Session moved', 'Reminders follow the new time.');
        return res.redirect(303, `/mediator/cases/${detail.id}/sessions`);
      } catch (refused) {
        const text = refusalText(refused);
        if (!text) throw refused;
        errors = { summary: [{ href: '#startsOn-day', text }], byField: {} };
      }
    }
    res.status(400).render('pages/mediator/reschedule.njk', {
      title: 'Move the session',
      detail,
      session,
      values,
      venueTypes: VENUE_TYPES,
      pageHasErrors: true,
      errors,
    });
  }

  @Get(':sessionId/cancel')
  async cancelForm(@CurrentUser() user: SessionUser, @Param() path: SessionPath, @Res() res: Response): Promise<void> {
    const { detail, session } = await this.session(user, path);
    res.render('pages/mediator/cancel.njk', { title: 'Cancel the session', detail, session });
  }

  @Post(':sessionId/cancel')
  async cancel(
    @CurrentUser() user: SessionUser,
    @Param() path: SessionPath,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { detail, session } = await this.session(user, path);
    try {
      await this.api.post(user, 'mediation-scheduling', `/api/sessions/${session.id}/cancel`);
    } catch (refused) {
      const text = refusalText(refused);
      if (!text) throw refused;
      return res.status(409).render('pages/mediator/cancel.njk', {
        title: 'Cancel the session',
        detail,
        session,
        pageHasErrors: true,
        error: text,
      });
    }
    flash(req, 'Session cancelled', 'Its reminders are cancelled too.');
    res.redirect(303, `/mediator/cases/${detail.id}/sessions`);
  }

  @Get(':sessionId/attendance')
  async attendanceForm(
    @CurrentUser() user: SessionUser,
    @Param() path: SessionPath,
    @Res() res: Response,
  ): Promise<void> {
    const { detail, session } = await this.session(user, path);
    res.render('pages/mediator/attendance.njk', {
      title: 'Record who attended',
      detail,
      session,
      names: namesOf(detail),
      present: [],
    });
  }

  @Post(':sessionId/attendance')
  async attendance(
    @CurrentUser() user: SessionUser,
    @Param() path: SessionPath,
    @Body('present') ticks: Posted,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { detail, session } = await this.session(user, path);
    const present = ticked(ticks);
    try {
      await this.api.post(user, 'mediation-scheduling', `/api/sessions/${session.id}/complete`, {
        body: {
          attendance: session.participantIds.map((participantId) => ({
            participantId,
            present: present.includes(participantId),
          })),
        },
      });
    } catch (refused) {
      const text = refusalText(refused);
      if (!text) throw refused;
      return res.status(409).render('pages/mediator/attendance.njk', {
        title: 'Record who attended',
        detail,
        session,
        names: namesOf(detail),
        present,
        pageHasErrors: true,
        error: text,
      });
    }
    flash(req, 'Attendance recorded');
    res.redirect(303, `/mediator/cases/${detail.id}/sessions`);
  }

  private formPage(detail: CaseDetail, gate: Gate, values: SessionFormValues) {
    return {
      title: 'Schedule a session',
      detail,
      gate,
      values,
      kinds: kindsOffered(gate),
      venueTypes: VENUE_TYPES,
      names: namesOf(detail),
    };
  }

  private async declared(user: SessionUser, caseId: string): Promise<{ detail: CaseDetail; gate: Gate }> {
    const found = await loadCase(this.api, user, caseId);
    if (!found.declared) throw new NotFoundException();
    return { detail: found.detail, gate: await loadGate(this.api, user, caseId) };
  }

  /** The case and the session the page's path names; 404 for a case not declared or a session not its own. */
  private async session(user: SessionUser, path: SessionPath): Promise<{ detail: CaseDetail; session: Session }> {
    const [caseId, sessionId] = [pageId(path.id), pageId(path.sessionId)];
    const found = await loadCase(this.api, user, caseId);
    if (!found.declared) throw new NotFoundException();
    const sessions = await this.api.get<Page<Session>>(user, 'mediation-scheduling', `/api/cases/${caseId}/sessions`);
    const session = sessions.items.find((s) => s.id === sessionId);
    if (!session) throw new NotFoundException();
    return { detail: found.detail, session };
  }
}

/** Preparation and follow-ups are always offered; a dialogue only as far as the gate allows it. */
export function kindsOffered(gate: Gate): string[] {
  return [
    'preparation',
    ...(['joint_dialogue', 'indirect_dialogue'] as const).filter((kind) => gate.allowed[kind]),
    'follow_up',
  ];
}

function namesOf(detail: CaseDetail): Record<string, { name: string | null; role: string }> {
  return Object.fromEntries(detail.participants.map((p) => [p.id, { name: p.fullName, role: p.role }]));
}
