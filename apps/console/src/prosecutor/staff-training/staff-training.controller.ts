import { Body, Controller, Get, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { numberOrText, text } from '../../admin/forms/form-fields';
import type { FormErrors } from '../../admin/forms/form-errors';
import { explainFailure } from '../../admin/forms/refusal';
import { ForRoles } from '../../auth/access';
import { CurrentUser } from '../../auth/current-user';
import { ServiceApi } from '../../platform/api-client';
import { flash } from '../../platform/flash';
import { pageId } from '../../platform/ids';
import type { SessionUser } from '../../platform/session-user';
import { askForMissing } from '../../partner/missing-answer';

export interface StaffRegister {
  items: {
    id: string;
    fullName: string;
    trainings: { id: string; course: string; completedOn: string; hours: number }[];
    trainedHours: number;
  }[];
  figures: { staff: number; trained: number; untrained: number; hours: number };
}

const LABELS: Record<string, string> = {
  fullName: 'Name',
  course: 'Course',
  completedOn: 'Date completed',
  hours: 'Hours',
};

/** Each answer left empty asked for in words, rather than the service's format rule (an empty number "must be 0.5 or more"). */
export function askForEveryAnswer(errors: FormErrors, form: Record<string, string | undefined>): FormErrors {
  const asks: [string, string][] = [
    ['course', 'Enter the course’s title'],
    ['completedOn', 'Enter the date the course was completed'],
    ['hours', 'Enter the hours of training'],
  ];
  return asks.reduce((asked, [field, ask]) => askForMissing(asked, field, form[field], ask), errors);
}

/** The office's own register, by the prosecutor's `org` (the office's id). */
export function staffPath(user: SessionUser): string {
  if (!user.org) throw new NotFoundException();
  return `/api/offices/${encodeURIComponent(user.org)}/staff`;
}

/**
 * Issue 22: prosecutors' offices train their own staff in restorative principles. The office
 * keeps who is on its staff and the courses each completed, and sees who has none first.
 */
@ForRoles('prosecutor')
@Controller('office/staff')
export class StaffTrainingController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  async register(@CurrentUser() user: SessionUser, @Res() res: Response): Promise<void> {
    await this.show(user, res, {});
  }

  @Post()
  async add(
    @CurrentUser() user: SessionUser,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const fullName = typeof body['fullName'] === 'string' ? body['fullName'] : '';
    try {
      await this.api.post(user, 'referral-intake', staffPath(user), { body: { fullName: text(fullName) ?? '' } });
      flash(req, 'Added to the register', `${fullName.trim()} has no training recorded yet.`);
      res.redirect(303, '/office/staff');
    } catch (error) {
      const failure = explainFailure(error, LABELS, { fallbackId: 'fullName' });
      if (!failure) throw error;
      await this.show(user, res.status(failure.status), {
        fullName,
        errors: askForMissing(failure.errors, 'fullName', fullName, 'Enter the name of the member of staff'),
      });
    }
  }

  @Get(':id/trainings/new')
  async newTraining(@CurrentUser() user: SessionUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    await this.trainingForm(user, res, pageId(id), {});
  }

  @Post(':id/trainings')
  async record(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const memberId = pageId(id);
    const form = {
      course: body['course'] as string | undefined,
      completedOn: body['completedOn'] as string | undefined,
      hours: body['hours'] as string | undefined,
    };
    try {
      await this.api.post(user, 'referral-intake', `${staffPath(user)}/${memberId}/trainings`, {
        body: {
          course: text(form.course) ?? '',
          completedOn: text(form.completedOn) ?? '',
          hours: numberOrText(form.hours) ?? '',
        },
      });
      flash(req, 'Training recorded');
      res.redirect(303, '/office/staff');
    } catch (error) {
      const failure = explainFailure(error, LABELS, { fallbackId: 'course' });
      if (!failure) throw error;
      await this.trainingForm(
        user,
        res.status(failure.status),
        memberId,
        form,
        askForEveryAnswer(failure.errors, form),
      );
    }
  }

  private async show(
    user: SessionUser,
    res: Response,
    context: { fullName?: string; errors?: FormErrors },
  ): Promise<void> {
    const register = await this.api.get<StaffRegister>(user, 'referral-intake', staffPath(user));
    res.render('pages/prosecutor/staff-training/register.njk', { title: 'Staff training', register, ...context });
  }

  private async trainingForm(
    user: SessionUser,
    res: Response,
    memberId: string,
    form: Record<string, string | undefined>,
    errors?: FormErrors,
  ): Promise<void> {
    const register = await this.api.get<StaffRegister>(user, 'referral-intake', staffPath(user));
    const member = register.items.find((item) => item.id === memberId);
    if (!member) throw new NotFoundException();
    res.render('pages/prosecutor/staff-training/training-form.njk', { title: 'Record training', member, form, errors });
  }
}
