import { Body, Controller, Get, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ForRoles } from '../../auth/access';
import { CurrentUser } from '../../auth/current-user';
import { ServiceApi } from '../../platform/api-client';
import { flash } from '../../platform/flash';
import type { SessionUser } from '../../platform/session-user';
import type { OfficeView, Paged, ScreeningPolicyView } from '../api-shapes';
import { categoryItems, vocabularyItems } from '../forms/category-choices';
import { formErrors, type FormErrors } from '../forms/form-errors';
import { explainFailure } from '../forms/refusal';
import { historyRows } from './policy-history';
import {
  isJurisdictionCode,
  POLICY_LABELS,
  policyBody,
  policyFormFrom,
  policyFormOf,
  staleEdit,
  type PolicyForm,
} from './policy-form';

const HISTORY_LENGTH = 20;
const OFFICE_PAGE = 200;
const OFFICE_PAGES = 10;

/**
 * Screening policies per jurisdiction: which offences and stages may go to restorative
 * justice, and which need a person's review. Every save is a new version; referrals record the
 * version that screened them, so the history stays readable.
 */
@ForRoles('admin')
@Controller('admin/screening-policies')
export class ScreeningPoliciesController {
  constructor(private readonly api: ServiceApi) {}

  /** The list; with `?jurisdiction=` (the "another jurisdiction" form), that jurisdiction's policy page. */
  @Get()
  async list(
    @CurrentUser() user: SessionUser,
    @Query('jurisdiction') jurisdiction: unknown,
    @Res() res: Response,
  ): Promise<void> {
    if (jurisdiction === undefined) return this.renderList(user, res);
    const code = typeof jurisdiction === 'string' ? jurisdiction.trim() : '';
    if (isJurisdictionCode(code)) return res.redirect(303, `/admin/screening-policies/${encodeURIComponent(code)}`);
    const errors = formErrors(
      [
        {
          field: 'jurisdiction',
          message: code ? 'must be a jurisdiction code, like NL-NH, without spaces' : 'must not be empty',
        },
      ],
      POLICY_LABELS,
      { fallbackId: 'jurisdiction' },
    );
    await this.renderList(user, res.status(400), {
      jurisdiction: typeof jurisdiction === 'string' ? jurisdiction : '',
      errors,
    });
  }

  @Get(':jurisdiction')
  async show(
    @CurrentUser() user: SessionUser,
    @Param('jurisdiction') jurisdiction: string,
    @Res() res: Response,
  ): Promise<void> {
    const code = jurisdictionOf(jurisdiction);
    const current = await this.current(user, code);
    await this.renderForm(user, res, code, current, policyFormOf(current));
  }

  @Post(':jurisdiction')
  async save(
    @CurrentUser() user: SessionUser,
    @Param('jurisdiction') jurisdiction: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const code = jurisdictionOf(jurisdiction);
    const form = policyFormFrom(body);
    const current = await this.current(user, code);
    const stale = staleEdit(form, current);
    if (stale) {
      const errors = formErrors([], POLICY_LABELS, { detail: stale, fallbackId: 'history' });
      return this.renderForm(
        user,
        res.status(409),
        code,
        current,
        { ...form, basedOn: String(current.version) },
        errors,
      );
    }
    try {
      const saved = await this.api.put<ScreeningPolicyView>(
        user,
        'referral-intake',
        `/api/screening-policies/${encodeURIComponent(code)}`,
        { body: policyBody(form) },
      );
      flash(
        req,
        'Screening policy saved',
        `Version ${saved.version} of the policy for ${code} screens every referral submitted from now on.`,
      );
      res.redirect(303, `/admin/screening-policies/${encodeURIComponent(code)}`);
    } catch (error) {
      const failure = explainFailure(error, POLICY_LABELS, { fallbackId: 'excludedOffenseCategories' });
      if (!failure) throw error;
      await this.renderForm(user, res.status(failure.status), code, current, form, failure.errors);
    }
  }

  @Get(':jurisdiction/versions/:version')
  async version(
    @CurrentUser() user: SessionUser,
    @Param('jurisdiction') jurisdiction: string,
    @Param('version') version: string,
    @Res() res: Response,
  ): Promise<void> {
    const code = jurisdictionOf(jurisdiction);
    if (!/^[1-9]\d{0,6}$/.test(version)) throw new NotFoundException();
    const policy = await this.api.get<ScreeningPolicyView>(
      user,
      'referral-intake',
      `/api/screening-policies/${encodeURIComponent(code)}`,
      { query: { version } },
    );
    // The version before it (0 is the built-in policy), to say what this one changed.
    const before =
      policy.version >= 1
        ? await this.api.getOptional<ScreeningPolicyView>(
            user,
            'referral-intake',
            `/api/screening-policies/${encodeURIComponent(code)}`,
            { query: { version: policy.version - 1 } },
          )
        : null;
    const [row] = historyRows(before ? [before, policy] : [policy], user.sub).filter(
      (one) => one.version === policy.version,
    );
    res.render('pages/admin/screening-policies/version.njk', {
      title: `Version ${policy.version} of a screening policy`,
      jurisdiction: code,
      policy,
      changes: row?.changes ?? [],
    });
  }

  private current(user: SessionUser, code: string): Promise<ScreeningPolicyView> {
    return this.api.get<ScreeningPolicyView>(
      user,
      'referral-intake',
      `/api/screening-policies/${encodeURIComponent(code)}`,
    );
  }

  /** The newest versions of the policy (and the built-in one before them, once the list reaches it). */
  private async history(
    user: SessionUser,
    code: string,
    current: ScreeningPolicyView,
  ): Promise<{ versions: ScreeningPolicyView[]; more: boolean }> {
    if (current.default) return { versions: [], more: false };
    const page = await this.api.get<Paged<ScreeningPolicyView>>(
      user,
      'referral-intake',
      `/api/screening-policies/${encodeURIComponent(code)}/versions`,
      { query: { limit: HISTORY_LENGTH } },
    );
    return { versions: page.items, more: page.nextCursor !== null };
  }

  private async renderForm(
    user: SessionUser,
    res: Response,
    code: string,
    current: ScreeningPolicyView,
    form: PolicyForm,
    errors?: FormErrors,
  ): Promise<void> {
    const { versions, more } = await this.history(user, code, current);
    res.render('pages/admin/screening-policies/edit.njk', {
      title: `Screening policy for ${code}`,
      jurisdiction: code,
      current,
      form,
      errors,
      history: historyRows(versions, user.sub),
      moreHistory: more,
      excludedItems: categoryItems([...form.excludedOffenseCategories]),
      reviewItems: categoryItems([...form.reviewOffenseCategories]),
      stageItems: vocabularyItems('stage', form.allowedStages),
      severityItems: vocabularyItems('severity', form.excludedSeverities),
    });
  }

  private offices(user: SessionUser): Promise<OfficeView[]> {
    return allOffices(this.api, user);
  }

  private async renderList(
    user: SessionUser,
    res: Response,
    extra: { jurisdiction?: string; errors?: FormErrors } = {},
  ): Promise<void> {
    const [policies, offices] = await Promise.all([
      this.api.get<Paged<ScreeningPolicyView>>(user, 'referral-intake', '/api/screening-policies'),
      this.offices(user),
    ]);
    const own = new Set(policies.items.map((policy) => policy.jurisdiction));
    // Jurisdictions offices submit for that have no policy of their own: the built-in default screens them.
    const onDefault = [...new Set(offices.flatMap((office) => office.jurisdictions))]
      .filter((code) => !own.has(code))
      .sort();
    res.render('pages/admin/screening-policies/list.njk', {
      title: 'Screening policies',
      policies: policies.items,
      onDefault,
      ...extra,
    });
  }
}

/** Offices to learn which jurisdictions referrals come from; a bounded number of pages. */
async function allOffices(api: ServiceApi, user: SessionUser): Promise<OfficeView[]> {
  const offices: OfficeView[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < OFFICE_PAGES; page += 1) {
    const found = await api.get<Paged<OfficeView>>(user, 'referral-intake', '/api/offices', {
      query: { limit: OFFICE_PAGE, cursor },
    });
    offices.push(...found.items);
    if (!found.nextCursor) break;
    cursor = found.nextCursor;
  }
  return offices;
}

function jurisdictionOf(value: string): string {
  if (!isJurisdictionCode(value)) throw new NotFoundException();
  return value;
}
