import { OUTCOME_DATABASE } from '@rj/outcome/data-access';
import { SAMPLE_IDS, sampleEvent } from '@rj/shared/contracts/testing';
import type { EventContext } from '@rj/shared/messaging';
import { createScratchDatabase, recordStatements, withinTransactions, type ScratchDatabase } from '@rj/shared/testing';
import type { EntityManager } from 'typeorm';
import { uuidv7 } from '@rj/shared/contracts';
import { MatchingEventsHandler } from './matching-events.handler';
import { advanceStatus, requireReferral } from './projection-store';
import { insertSubmittedReferral } from './submitted-referral';

/**
 * What outcome-tracking writes for every referral on its way to an offer (issue 15: a
 * statement each, where the query builder made three): the projection must be what it was.
 */
describe("outcome-tracking's writes on a referral's path, against Postgres", () => {
  let database: ScratchDatabase;
  let statements: string[] = [];

  beforeAll(async () => {
    database = await createScratchDatabase('outcome_path', {
      migrations: OUTCOME_DATABASE.migrations,
      entities: OUTCOME_DATABASE.entities,
    });
    statements = recordStatements(database.dataSource);
  }, 120_000);

  afterAll(() => database?.drop());

  const inTransaction = <T>(work: (manager: EntityManager) => Promise<T>) => database.dataSource.transaction(work);
  const ownStatements = () => withinTransactions(statements);

  /** A referral's sample events, re-keyed to a referral, its people and its offer of their own. */
  function eventsOf(referralId: string) {
    const ids = [SAMPLE_IDS.referralId, SAMPLE_IDS.harmedId, SAMPLE_IDS.responsibleId, SAMPLE_IDS.offerId];
    const fresh = new Map(ids.map((id) => [id, id === SAMPLE_IDS.referralId ? referralId : uuidv7()]));
    const rekey = <E>(event: E): E =>
      JSON.parse(ids.reduce((json, id) => json.replaceAll(id, fresh.get(id)!), JSON.stringify(event)));
    const screened = sampleEvent('referral.screened');
    return {
      submitted: rekey(sampleEvent('referral.submitted')),
      screened: rekey({ ...screened, data: { ...screened.data, outcome: 'eligible' as const, reasons: [] } }),
      offerMade: rekey(sampleEvent('offer.made')),
    };
  }

  it('keeps the submitted referral and its participants in one statement, and a re-published copy writes nothing', async () => {
    const referralId = uuidv7();
    const { submitted } = eventsOf(referralId);
    statements.length = 0;
    await inTransaction((manager) => insertSubmittedReferral(manager, submitted));
    expect(ownStatements()).toHaveLength(1);

    const [referral] = await database.dataSource.query(
      `select office_id, jurisdiction, source, data_key_id, submitted_at, status, offense_category from referral where id = $1`,
      [referralId],
    );
    const d = submitted.data;
    expect(referral).toEqual({
      office_id: d.officeId,
      jurisdiction: d.jurisdiction,
      source: d.source,
      data_key_id: d.dataKeyId,
      submitted_at: new Date(submitted.occurredAt),
      status: 'submitted',
      offense_category: d.offense.category,
    });
    const participants = await database.dataSource.query(
      `select id, role, email, safe_channels, position, preferred_language, interpreter, minor
       from participant where referral_id = $1 order by position`,
      [referralId],
    );
    expect(participants).toEqual(
      d.participants.map((p, position) => ({
        id: p.participantId,
        role: p.role,
        email: p.contact.email ?? null,
        safe_channels: [...p.contact.safeChannels],
        position,
        preferred_language: p.preferredLanguage,
        interpreter: p.interpreter,
        minor: p.minor,
      })),
    );

    await inTransaction((manager) => insertSubmittedReferral(manager, submitted));
    const [{ n }] = await database.dataSource.query(
      'select count(*)::int as n from participant where referral_id = $1',
      [referralId],
    );
    expect(n).toBe(d.participants.length);
  });

  it('moves the status and keeps the first eligible screening in one statement; an offer and its status in one more', async () => {
    const referralId = uuidv7();
    const { submitted, screened, offerMade } = eventsOf(referralId);
    await inTransaction((manager) => insertSubmittedReferral(manager, submitted));

    statements.length = 0;
    await inTransaction(async (manager) =>
      advanceStatus(manager, await requireReferral(manager, referralId), screened, { eligible: true }),
    );
    expect(ownStatements()).toHaveLength(2); // the referral's lock, then the update
    // A later review that finds it eligible again keeps the first instant.
    const later = { ...screened, type: 'referral.reviewed', occurredAt: '2099-01-01T00:00:00.000Z' };
    await inTransaction(async (manager) =>
      advanceStatus(manager, await requireReferral(manager, referralId), later, { eligible: true }),
    );

    statements.length = 0;
    const handler = new MatchingEventsHandler();
    await inTransaction((manager) => handler.onOfferMade(offerMade, { manager } as EventContext));
    expect(ownStatements()).toHaveLength(2); // the referral's lock, then the offer with the status

    const [referral] = await database.dataSource.query(
      'select status, screened_eligible_at from referral where id = $1',
      [referralId],
    );
    expect(referral).toEqual({ status: 'offered', screened_eligible_at: new Date(screened.occurredAt) });
    const offers = await database.dataSource.query(
      'select id, referral_id, partner_id, made_at, answer from offer where referral_id = $1',
      [referralId],
    );
    expect(offers).toEqual([
      {
        id: offerMade.data.offerId,
        referral_id: referralId,
        partner_id: offerMade.data.partnerId,
        made_at: new Date(offerMade.occurredAt),
        answer: null,
      },
    ]);
  });
});
