import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { OfficeEntity, OfficeStaffMemberEntity, OfficeStaffTrainingEntity } from '@rj/referral/data-access';
import { actorOf, type Principal } from '@rj/shared/auth';
import { NotFound, OfficeStaffMemberAdded, OfficeStaffTrainingRecorded, uuidv7 } from '@rj/shared/contracts';
import { publishEvent } from '@rj/shared/messaging';
import { withTransaction } from '@rj/shared/persistence';
import { requestCause } from '@rj/shared/service';
import type { AddStaffMemberDto, RecordStaffTrainingDto } from './staff-training.dto';

const trainingView = (row: OfficeStaffTrainingEntity) => ({
  id: row.id,
  course: row.course,
  completedOn: row.completedOn,
  hours: Number(row.hours),
});

/**
 * Issue 22: prosecutors' offices are expected to train their own staff in restorative
 * principles. An office keeps who is on its staff and which courses each completed, and sees
 * who has none. The office's prosecutors (their `org` is the office) and admins; another
 * office's register is not found.
 */
@Injectable()
export class StaffTrainingService {
  constructor(private readonly dataSource: DataSource) {}

  async addMember(principal: Principal, officeId: string, dto: AddStaffMemberDto) {
    return withTransaction(this.dataSource, async (manager) => {
      await this.office(manager, principal, officeId);
      const member: OfficeStaffMemberEntity = {
        id: uuidv7(),
        officeId,
        fullName: dto.fullName,
        addedBy: principal.sub,
        addedAt: new Date(),
      };
      await manager.insert(OfficeStaffMemberEntity, member);
      await publishEvent(manager, OfficeStaffMemberAdded, {
        aggregateId: officeId,
        referralId: null,
        ...requestCause(actorOf(principal)),
        data: { officeId, staffMemberId: member.id },
      });
      return { id: member.id, fullName: member.fullName, trainings: [], trainedHours: 0 };
    });
  }

  async recordTraining(principal: Principal, officeId: string, staffMemberId: string, dto: RecordStaffTrainingDto) {
    return withTransaction(this.dataSource, async (manager) => {
      await this.office(manager, principal, officeId);
      const member = await manager.findOneBy(OfficeStaffMemberEntity, { id: staffMemberId, officeId });
      if (!member) throw new NotFound('no such member of staff');
      const row: OfficeStaffTrainingEntity = {
        id: uuidv7(),
        staffMemberId,
        officeId,
        course: dto.course,
        completedOn: dto.completedOn,
        hours: dto.hours,
        recordedBy: principal.sub,
        recordedAt: new Date(),
      };
      await manager.insert(OfficeStaffTrainingEntity, row);
      await publishEvent(manager, OfficeStaffTrainingRecorded, {
        aggregateId: officeId,
        referralId: null,
        ...requestCause(actorOf(principal)),
        data: { officeId, staffMemberId, trainingId: row.id, completedOn: dto.completedOn, hours: dto.hours },
      });
      return trainingView(row);
    });
  }

  /** Every member of staff with their courses, those with none first, and the office's figures. */
  async register(principal: Principal, officeId: string) {
    const manager = this.dataSource.manager;
    await this.office(manager, principal, officeId);
    const members = await manager.find(OfficeStaffMemberEntity, {
      where: { officeId },
      order: { fullName: 'ASC', id: 'ASC' },
    });
    const trainings = members.length
      ? await manager.find(OfficeStaffTrainingEntity, {
          where: { staffMemberId: In(members.map((m) => m.id)) },
          order: { completedOn: 'ASC' },
        })
      : [];
    const items = members.map((member) => {
      const own = trainings.filter((t) => t.staffMemberId === member.id).map(trainingView);
      return {
        id: member.id,
        fullName: member.fullName,
        trainings: own,
        trainedHours: own.reduce((sum, t) => sum + t.hours, 0),
      };
    });
    items.sort((a, b) => Number(a.trainings.length > 0) - Number(b.trainings.length > 0));
    const trained = items.filter((item) => item.trainings.length > 0).length;
    return {
      items,
      figures: {
        staff: items.length,
        trained,
        untrained: items.length - trained,
        hours: items.reduce((sum, item) => sum + item.trainedHours, 0),
      },
    };
  }

  /** The caller's own office (a prosecutor) or any office (an admin); otherwise not found. */
  private async office(manager: EntityManager, principal: Principal, officeId: string): Promise<OfficeEntity> {
    const office = await manager.findOneBy(OfficeEntity, { id: officeId });
    if (!office || (principal.role !== 'admin' && principal.org !== officeId)) throw new NotFound('no such office');
    return office;
  }
}
