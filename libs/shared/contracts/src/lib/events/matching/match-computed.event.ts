/**
 * match.computed — emitted by partner-matching when it ranks partners for an eligible referral.
 * Keeps candidates in rank order with scores and reason codes, and excluded partners with the
 * hard constraint they failed, so `GET /api/referrals/{id}/match` and auditors can see why.
 * Consumed by audit-ledger. Aggregate: match (the referral rides in the envelope).
 */
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsNumber, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsCodeList, IsConsistent } from '../common';

export const MAX_MATCH_PARTNERS = 200;

export class MatchCandidate {
  @IsUUID() partnerId: string;
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 6 }) @Min(0) @Max(1_000_000) score: number;
  /** Ranking factors that counted, e.g. `language_match`, `specialty`, `low_load`, `fast_response`. */
  @IsCodeList(20) reasons: string[];
}

export class MatchExclusion {
  @IsUUID() partnerId: string;
  /** Hard constraints failed, e.g. `jurisdiction`, `offense_category`, `no_capacity`, `inactive`. */
  @ArrayMinSize(1) @IsCodeList(20) reasons: string[];
}

function checkPartnersOnce(d: MatchComputedData): string | undefined {
  const ids = [
    ...(Array.isArray(d.candidates) ? d.candidates : []),
    ...(Array.isArray(d.excluded) ? d.excluded : []),
  ].map((p) => p?.partnerId);
  return new Set(ids).size === ids.length ? undefined : 'a partner is either a candidate or excluded, once';
}

export class MatchComputedData {
  @IsUUID() matchId: string;
  /** Version of the matching weights (data, versioned) that ranked. */
  @IsInt() @Min(1) @Max(1_000_000) weightsVersion: number;
  /** Best first; offers go out in this order. */
  @ArrayMaxSize(MAX_MATCH_PARTNERS)
  @ValidateNested({ each: true })
  @Type(() => MatchCandidate)
  @IsConsistent<MatchComputedData>(checkPartnersOnce)
  candidates: MatchCandidate[];
  @ArrayMaxSize(MAX_MATCH_PARTNERS)
  @ValidateNested({ each: true })
  @Type(() => MatchExclusion)
  excluded: MatchExclusion[];
}

export const MatchComputed = defineEvent({
  type: 'match.computed',
  version: 1,
  topic: Topics.matching,
  aggregateType: 'match',
  referralScoped: true,
  schema: MatchComputedData,
});
