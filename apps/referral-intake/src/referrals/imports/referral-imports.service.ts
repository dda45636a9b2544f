import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { insertSubmittedReferrals, loadSubmissionContext, type SubmissionContext } from '@rj/referral/data-access';
import { referralRuleProblems } from '@rj/referral/domain';
import type { Principal } from '@rj/shared/auth';
import { Forbidden, UUID_PATTERN } from '@rj/shared/contracts';
import { appendToOutbox } from '@rj/shared/messaging';
import { withTransaction } from '@rj/shared/persistence';
import { Clock, createValidationPipe, type FieldError, ValidationProblem } from '@rj/shared/service';
import { officeSubmissionsLock } from '../office-case-numbers';
import { KeyStore } from '../../key-store/key-store';
import { CreateReferralDto } from '../dto/create-referral.dto';
import { draftReferral, type ReferralDraft } from '../referral-draft';
import { CaseNumberIndexer } from '../search/case-number-index-key';
import type { ImportReportView, ImportRowView } from './import-report.view';
import { columnOfField } from './referral-csv-columns';
import { parseReferralCsv, type ParsedRow, type RowProblem } from './referral-csv';

/** Rows written per transaction: short enough not to hold the office's lock long, few enough round trips. */
const BATCH = 250;

interface ValidRow {
  row: number;
  dto: CreateReferralDto;
  caseNumberIndex: string;
}

/**
 * `POST /api/referrals/imports`: every row is validated exactly as `POST /api/referrals`
 * validates a body (the same DTO through the same pipe, the same referral rules, the office's
 * jurisdictions), then valid rows are created as that endpoint creates them. A row whose case
 * number the office already has creates nothing (its blind index, under the office's advisory
 * lock), so uploading a file again, or again with a corrected row, creates only what is new.
 */
@Injectable()
export class ReferralImportsService {
  private readonly pipe = createValidationPipe();

  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: KeyStore,
    private readonly caseNumbers: CaseNumberIndexer,
    private readonly clock: Clock,
  ) {}

  async import(principal: Principal, csv: string): Promise<ImportReportView> {
    const office =
      principal.org && UUID_PATTERN.test(principal.org)
        ? await loadSubmissionContext(this.dataSource.manager, principal.org, '')
        : null;
    if (!office)
      throw new Forbidden("the caller's organisation is not a registered prosecutor's office", {
        rule: 'submit_from_registered_office',
      });
    const parsed = parseReferralCsv(csv);
    if ('fileProblems' in parsed)
      throw new ValidationProblem(parsed.fileProblems.map((message) => ({ field: 'file', message })));

    const problems: RowProblem[] = [];
    const valid: ValidRow[] = [];
    const firstRowOf = new Map<string, number>();
    for (const row of parsed.rows) {
      const checked = await this.validate(row, office.jurisdictions);
      if ('problems' in checked) {
        problems.push(...checked.problems);
        continue;
      }
      const caseNumberIndex = this.caseNumbers.indexOf(checked.dto.caseNumber);
      const first = firstRowOf.get(caseNumberIndex);
      if (first !== undefined) {
        problems.push({ row: row.row, field: 'case_number', message: `repeats the case number of row ${first}` });
        continue;
      }
      firstRowOf.set(caseNumberIndex, row.row);
      valid.push({ row: row.row, dto: checked.dto, caseNumberIndex });
    }

    const outcomes = new Map<number, ImportRowView>();
    const contexts = new Map<string, SubmissionContext>();
    for (let start = 0; start < valid.length; start += BATCH) {
      const batch = valid.slice(start, start + BATCH);
      for (const jurisdiction of new Set(batch.map((row) => row.dto.jurisdiction))) {
        if (!contexts.has(jurisdiction))
          contexts.set(
            jurisdiction,
            (await loadSubmissionContext(this.dataSource.manager, office.officeId, jurisdiction)) as SubmissionContext,
          );
      }
      const written = await withTransaction(this.dataSource, (manager) =>
        this.createBatch(manager, principal, batch, contexts),
      );
      for (const result of written) outcomes.set(result.row, result);
    }
    const invalidRows = new Set(problems.map((problem) => problem.row));
    const results = parsed.rows.map(({ row }) => outcomes.get(row) ?? { row, outcome: 'invalid' as const });
    return {
      rows: parsed.rows.length,
      created: results.filter((r) => r.outcome === 'created').length,
      alreadyImported: results.filter((r) => r.outcome === 'already_imported').length,
      invalid: invalidRows.size,
      results,
      errors: problems,
    };
  }

  /** The single endpoint's checks, in its order; fields named by their column. */
  private async validate(
    parsed: ParsedRow,
    jurisdictions: string[],
  ): Promise<{ dto: CreateReferralDto } | { problems: RowProblem[] }> {
    const asRow = (errors: FieldError[]) =>
      errors.map((error) => ({ row: parsed.row, field: columnOfField(error.field), message: error.message }));
    let dto: CreateReferralDto;
    try {
      dto = (await this.pipe.transform(parsed.body, {
        type: 'body',
        metatype: CreateReferralDto,
      })) as CreateReferralDto;
    } catch (error) {
      if (!(error instanceof ValidationProblem)) throw error;
      // A cell the reading already refused is reported once, in the reading's words.
      const refused = new Set(parsed.problems.map((problem) => problem.field));
      return {
        problems: [...parsed.problems, ...asRow(error.errors).filter((problem) => !refused.has(problem.field))],
      };
    }
    const problems = [
      ...parsed.problems,
      ...(jurisdictions.includes(dto.jurisdiction)
        ? []
        : asRow([
            { field: 'jurisdiction', message: `the office may not submit for jurisdiction ${dto.jurisdiction}` },
          ])),
      ...asRow(referralRuleProblems(dto, () => this.clock.now())),
    ];
    return problems.length ? { problems } : { dto };
  }

  private async createBatch(
    manager: EntityManager,
    principal: Principal,
    batch: ValidRow[],
    contexts: Map<string, SubmissionContext>,
  ): Promise<ImportRowView[]> {
    const officeId = principal.org as string;
    // Two uploads of one file at once: the second waits, then finds every case number there.
    await manager.query('select pg_advisory_xact_lock(hashtext($1))', [officeSubmissionsLock(officeId)]);
    const existing: { id: string; case_number_index: string }[] = await manager.query(
      'select id, case_number_index from referral where office_id = $1 and case_number_index = any($2::text[])',
      [officeId, batch.map((row) => row.caseNumberIndex)],
    );
    const existingIds = new Map(existing.map((row) => [row.case_number_index, row.id]));
    const results: ImportRowView[] = [];
    const drafts: ReferralDraft[] = [];
    const now = this.clock.now();
    for (const row of batch) {
      const found = existingIds.get(row.caseNumberIndex);
      if (found) {
        results.push({ row: row.row, outcome: 'already_imported', referralId: found });
        continue;
      }
      const context = contexts.get(row.dto.jurisdiction) as SubmissionContext;
      const draft = draftReferral(row.dto, {
        principal,
        context,
        keys: this.keys,
        caseNumberIndex: row.caseNumberIndex,
        now,
      });
      drafts.push(draft);
      results.push({ row: row.row, outcome: 'created', referralId: draft.referralId });
    }
    await insertSubmittedReferrals(
      manager,
      drafts.map((draft) => draft.rows),
    );
    if (drafts.length)
      await appendToOutbox(
        manager,
        drafts.flatMap((draft) => draft.events),
      );
    return results;
  }
}
