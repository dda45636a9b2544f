import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadSubmissionContext, type SubmissionContext } from '@rj/referral/data-access';
import { UUID_PATTERN } from '@rj/shared/contracts';

/** Offices × jurisdictions kept; a few hundred offices submit to a handful of jurisdictions each. */
export const SUBMISSION_CONTEXTS_KEPT = 1024;

/**
 * The contexts submissions were last prepared with, kept in memory so that a submission is one
 * round trip to Postgres instead of two (issue 15). Never a source of truth: the statement that writes a submission checks the context it was
 * prepared with (`check_submission_context`), so a change made on any replica (a jurisdiction
 * taken from an office, a new policy version) refuses the write and the caller asks again with
 * `fresh`. Only contexts that allow the submission are kept; a refusal is always decided on a
 * context read at that moment.
 */
@Injectable()
export class SubmissionContexts {
  private readonly kept = new Map<string, SubmissionContext>();

  constructor(private readonly dataSource: DataSource) {}

  /** The office's context for the jurisdiction; null when the organisation is no registered office. */
  async of(
    org: string | null | undefined,
    jurisdiction: string,
    { fresh = false } = {},
  ): Promise<SubmissionContext | null> {
    if (!org || !UUID_PATTERN.test(org)) return null;
    const key = `${org} ${jurisdiction}`;
    const kept = fresh ? undefined : this.kept.get(key);
    if (kept) return kept;
    this.kept.delete(key);
    const context = await loadSubmissionContext(this.dataSource.manager, org, jurisdiction);
    if (context?.jurisdictions.includes(jurisdiction)) this.keep(key, context);
    return context;
  }

  private keep(key: string, context: SubmissionContext): void {
    // Insertion order is age: past the bound the oldest goes, and is read again when next needed.
    if (this.kept.size >= SUBMISSION_CONTEXTS_KEPT) this.kept.delete(this.kept.keys().next().value as string);
    this.kept.set(key, context);
  }
}
