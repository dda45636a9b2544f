/**
 * jurisdiction.settings_changed — emitted by referral-intake when an admin stores the next
 * version of a jurisdiction's settings (PUT /api/jurisdictions/{jurisdiction}/settings). Carries
 * the whole version, so a consumer that missed one still ends up right; a consumer keeps the
 * highest version it saw. Consumed by mediation-scheduling (messages in the participant's local
 * time), outcome-tracking (quiet hours of outcome notices and survey mail) and audit-ledger. Aggregate: jurisdiction (no referral).
 */
import { IsInt, IsTimeZone, Length, Matches, Min } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsCode } from '../common';

export class JurisdictionSettingsChangedData {
  @IsCode() jurisdiction: string;
  @IsInt() @Min(1) version: number;
  /** Where participants of the jurisdiction live unless they said otherwise: their messages' local time. */
  @Length(1, 64) @Matches(/^([A-Za-z]+(\/[A-Za-z0-9_+-]+)+|UTC)$/) @IsTimeZone() timeZone: string;
}

export const JurisdictionSettingsChanged = defineEvent({
  type: 'jurisdiction.settings_changed',
  version: 1,
  topic: Topics.referral,
  aggregateType: 'jurisdiction',
  referralScoped: false,
  schema: JurisdictionSettingsChangedData,
});
