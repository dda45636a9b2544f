import type { EntityManager } from 'typeorm';
import type { EventOf } from '@rj/shared/messaging';
import type { ReferralSubmitted } from '@rj/shared/contracts';

/**
 * The referral and its participants in one statement (issue 15: it was three, a check that the
 * referral is new and an insert each through TypeORM's query builder, for every referral). A
 * re-published copy of the event finds the referral there and writes nothing at all.
 */
export async function insertSubmittedReferral(
  manager: EntityManager,
  event: EventOf<typeof ReferralSubmitted>,
): Promise<void> {
  const d = event.data;
  const participants = d.participants.map((p, position) => ({
    id: p.participantId,
    role: p.role,
    email: p.contact.email ?? null,
    safe_channels: p.contact.safeChannels,
    position,
    // Equity of access compares people by these (docs/metrics.md); codes, not personal data in clear.
    preferred_language: p.preferredLanguage,
    interpreter: p.interpreter,
    minor: p.minor,
  }));
  await manager.query(
    `with referral as (
       insert into referral (id, office_id, jurisdiction, source, data_key_id, submitted_at, status, offense_category)
       values ($1, $2, $3, $4, $5, $6, 'submitted', $7)
       on conflict (id) do nothing
       returning id
     )
     insert into participant (id, referral_id, role, email, safe_channels, position, preferred_language, interpreter, minor)
     select p.id, referral.id, p.role, p.email, p.safe_channels, p.position, p.preferred_language, p.interpreter, p.minor
     from referral cross join jsonb_to_recordset($8::jsonb) as p(id uuid, role text, email text, safe_channels text[],
       position int, preferred_language text, interpreter boolean, minor boolean)`,
    [
      d.referralId,
      d.officeId,
      d.jurisdiction,
      d.source,
      d.dataKeyId,
      event.occurredAt,
      d.offense.category,
      JSON.stringify(participants),
    ],
  );
}
