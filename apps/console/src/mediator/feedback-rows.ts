import { describeCode } from '../messages/describe';

export interface FeedbackInvitations {
  items: {
    participantId: string;
    role: string;
    survey: 'first' | 'second';
    releasedAt: string | null;
    blocks: string[];
  }[];
}

export interface FeedbackRow {
  participantId: string;
  name: string;
  survey: 'first' | 'second';
  state: 'sent' | 'ready' | 'blocked';
  releasedAt: string | null;
  reasons: string[];
}

/**
 * One row per participant and survey, as the mediator reads it. The second survey is only ever
 * for the person harmed: the person responsible's is left out rather than shown as blocked.
 */
export function feedbackRows(
  participants: { id: string; fullName: string | null; role: string }[],
  invitations: FeedbackInvitations,
): FeedbackRow[] {
  return invitations.items
    .filter((item) => !item.blocks.includes('second_survey_is_for_the_person_harmed'))
    .map((item) => {
      const participant = participants.find((p) => p.id === item.participantId);
      const role = describeCode('partyRole', item.role);
      return {
        participantId: item.participantId,
        name: participant?.fullName ? `${participant.fullName} (${role.toLowerCase()})` : role,
        survey: item.survey,
        state: item.releasedAt ? 'sent' : item.blocks.length ? 'blocked' : 'ready',
        releasedAt: item.releasedAt,
        reasons: item.blocks.map((code) => describeCode('feedbackBlock', code)),
      };
    });
}
