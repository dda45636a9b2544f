import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { actorOf, type Principal } from '@rj/shared/auth';
import { DisclosureRecorded, uuidv7 } from '@rj/shared/contracts';
import { withTransaction } from '@rj/shared/persistence';
import { CaseNoteEntity, DisclosureEntity, ReferralSnapshotEntity } from '@rj/scheduling/data-access';
import { assertAssignedMediator, assertMediatorActs } from '../cases/case-access';
import { findCase, lockCase, recordCaseEvent, saveCase } from '../cases/case-store';
import { recordPersonalDataRead } from '../platform/personal-data-read';
import { ConfidentialCipher, noteContext, recipientContext } from './confidential-cipher';
import { DEFAULT_RECIPIENT_KIND, type DisclosureDto } from './confidential.dto';
import { Clock, requestCause } from '@rj/shared/service';

/**
 * Confidentiality (product.md): notes are for the case's assigned mediators alone, never in
 * events, reports or other views; a disclosure records that and why something was passed on.
 */
@Injectable()
export class ConfidentialService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: ConfidentialCipher,
    private readonly clock: Clock,
  ) {}

  async addNote(principal: Principal, caseId: string, text: string) {
    const row = await findCase(this.dataSource.manager, caseId);
    assertMediatorActs(row, principal);
    const ciphertext = await this.cipher.encrypt(text, await this.dataKeyOf(row.referralId), noteContext(caseId));
    const note = {
      id: uuidv7(),
      caseId,
      authorSub: principal.sub,
      textCiphertext: ciphertext,
      createdAt: this.clock.now(),
    };
    await this.dataSource.getRepository(CaseNoteEntity).insert(note);
    return { id: note.id, caseId, authorSub: note.authorSub, createdAt: note.createdAt.toISOString() };
  }

  async notes(principal: Principal, caseId: string) {
    const row = await findCase(this.dataSource.manager, caseId);
    assertAssignedMediator(row, principal);
    const notes = await this.dataSource.getRepository(CaseNoteEntity).find({ where: { caseId }, order: { id: 'ASC' } });
    const items = [];
    for (const note of notes) {
      items.push({
        id: note.id,
        authorSub: note.authorSub,
        createdAt: note.createdAt.toISOString(),
        text: await this.cipher.decrypt(note.textCiphertext, noteContext(caseId)),
      });
    }
    if (items.some((item) => item.text !== null)) {
      await withTransaction(this.dataSource, (manager) =>
        recordPersonalDataRead(manager, principal, row.referralId, 'GET /api/cases/{id}/notes', ['notes.text']),
      );
    }
    return { items, nextCursor: null };
  }

  async disclose(principal: Principal, caseId: string, body: DisclosureDto) {
    const found = await findCase(this.dataSource.manager, caseId);
    assertMediatorActs(found, principal);
    const recipientCiphertext = await this.cipher.encrypt(
      body.recipient,
      await this.dataKeyOf(found.referralId),
      recipientContext(caseId),
    );
    // api.md's body is `{ legalBasis, recipient }`: clients that follow it send no kind, and the
    // event needs one, so an unnamed kind is recorded as 'other' rather than refused.
    const recipientKind = body.recipientKind ?? DEFAULT_RECIPIENT_KIND;
    const now = this.clock.now();
    return withTransaction(this.dataSource, async (manager) => {
      const row = await lockCase(manager, caseId);
      assertMediatorActs(row, principal);
      const id = uuidv7(now.getTime());
      await manager.insert(DisclosureEntity, {
        id,
        caseId,
        legalBasis: body.legalBasis,
        recipientKind,
        recipientCiphertext,
        recordedBy: principal.sub,
        recordedAt: now,
      });
      await recordCaseEvent(
        manager,
        row,
        DisclosureRecorded,
        { caseId, legalBasis: body.legalBasis, recipientKind },
        requestCause(actorOf(principal)),
      );
      await saveCase(manager, row, now);
      return { id, caseId, legalBasis: body.legalBasis, recipientKind, recordedAt: now.toISOString() };
    });
  }

  private async dataKeyOf(referralId: string): Promise<string | null> {
    const snapshot = await this.dataSource.getRepository(ReferralSnapshotEntity).findOneBy({ referralId });
    return snapshot?.personalDataErasedAt ? null : (snapshot?.dataKeyId ?? null);
  }
}
