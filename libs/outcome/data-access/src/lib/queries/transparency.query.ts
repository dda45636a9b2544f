import type { EntityManager } from 'typeorm';

type Queryable = Pick<EntityManager, 'query'>;

/** The jurisdictions with at least one office that opted in to publication, in order. */
export async function optedInJurisdictions(db: Queryable): Promise<string[]> {
  const rows: { jurisdiction: string }[] = await db.query(
    `select distinct jurisdiction from publication_opt_in where opted_in order by jurisdiction`,
  );
  return rows.map((row) => row.jurisdiction);
}

/** How many referrals a jurisdiction received in one calendar year (UTC dates). */
export async function referralsSubmittedInYear(db: Queryable, jurisdiction: string, year: number): Promise<number> {
  const [row]: { n: number }[] = await db.query(
    `select count(*)::int as n from referral where jurisdiction = $1 and (submitted_at at time zone 'UTC')::date between $2::date and $3::date`,
    [jurisdiction, `${year}-01-01`, `${year}-12-31`],
  );
  return row.n;
}

/** Freezes a published report; two readers computing it at once store the first, both serve it. */
export async function storePublishedReport(
  db: Queryable,
  jurisdiction: string,
  period: string,
  figures: unknown,
): Promise<void> {
  await db.query(
    `insert into published_report (jurisdiction, period, figures) values ($1, $2, $3) on conflict (jurisdiction, period) do nothing`,
    [jurisdiction, period, JSON.stringify(figures)],
  );
}
