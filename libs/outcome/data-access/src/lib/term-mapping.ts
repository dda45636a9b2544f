import { fromMinorUnits, fromHundredths, toHundredths, toMinorUnits, type Term } from '@rj/outcome/domain';
import type { TermRecipient } from '@rj/shared/contracts';
import type { TermEntity } from './entities/term.entity';

/** A stored term as the domain rules read it. */
export function termFromRow(row: TermEntity): Term {
  const common = { id: row.id, dueBy: row.dueBy, fulfilled: row.fulfilled, overdueFlagged: row.overdueFlagged };
  if (row.kind === 'restitution') {
    const currency = row.currency ?? 'EUR';
    return {
      ...common,
      kind: 'restitution',
      amount: fromMinorUnits(BigInt(row.amountMinor ?? 0), currency),
      paid: fromMinorUnits(BigInt(row.paidMinor ?? 0), currency),
      recipient: (row.recipient ?? 'harmed') as TermRecipient,
      ...(row.instalments === null ? {} : { instalments: row.instalments }),
    };
  }
  if (row.kind === 'community_service') {
    return {
      ...common,
      kind: 'community_service',
      hours: fromHundredths(row.hoursHundredths ?? 0),
      hoursDone: fromHundredths(row.hoursDoneHundredths ?? 0),
    };
  }
  return { ...common, kind: row.kind as 'apology_letter' | 'programme' | 'other' };
}

/** The columns a domain term sets (identity, agreement and description are the caller's). */
export function termColumns(term: Term): Partial<TermEntity> {
  const base: Partial<TermEntity> = {
    id: term.id,
    kind: term.kind,
    dueBy: term.dueBy,
    fulfilled: term.fulfilled,
    overdueFlagged: term.overdueFlagged,
  };
  if (term.kind === 'restitution') {
    return {
      ...base,
      currency: term.amount.currency,
      amountMinor: Number(toMinorUnits(term.amount.amount, term.amount.currency)),
      paidMinor: Number(toMinorUnits(term.paid.amount, term.paid.currency)),
      instalments: term.instalments ?? null,
      recipient: term.recipient,
    };
  }
  if (term.kind === 'community_service') {
    return { ...base, hoursHundredths: toHundredths(term.hours), hoursDoneHundredths: toHundredths(term.hoursDone) };
  }
  return base;
}
