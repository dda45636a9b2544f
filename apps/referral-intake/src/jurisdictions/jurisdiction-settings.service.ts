import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JurisdictionSettingsEntity } from '@rj/referral/data-access';
import { actorOf, type Principal } from '@rj/shared/auth';
import { JurisdictionSettingsChanged } from '@rj/shared/contracts';
import { publishEvent } from '@rj/shared/messaging';
import { withTransaction } from '@rj/shared/persistence';
import { requestCause } from '@rj/shared/service';
import type { JurisdictionSettingsDto, JurisdictionSettingsView } from './jurisdiction-settings.dto';

/** Before an admin sets one: messages name UTC, as they did before jurisdictions had a zone. */
const DEFAULT_TIME_ZONE = 'UTC';

/**
 * A jurisdiction's settings as versioned data, like its screening policy: a PUT adds the next
 * version and announces it (jurisdiction.settings_changed, in the same transaction through the
 * outbox), so the services that write to participants use the zone in force.
 */
@Injectable()
export class JurisdictionSettingsService {
  constructor(private readonly dataSource: DataSource) {}

  async put(
    principal: Principal,
    jurisdiction: string,
    dto: JurisdictionSettingsDto,
  ): Promise<JurisdictionSettingsView> {
    return withTransaction(this.dataSource, async (manager) => {
      // Two admins' PUTs of one jurisdiction queue here, so versions go up by one, never collide.
      await manager.query('select pg_advisory_xact_lock(hashtext($1))', [`jurisdiction_settings:${jurisdiction}`]);
      const [{ latest }] = await manager.query(
        'select coalesce(max(version), 0) as latest from jurisdiction_settings where jurisdiction = $1',
        [jurisdiction],
      );
      const version = Number(latest) + 1;
      await manager.insert(JurisdictionSettingsEntity, {
        jurisdiction,
        version,
        timeZone: dto.timeZone,
        createdBy: principal.sub,
      });
      await publishEvent(manager, JurisdictionSettingsChanged, {
        aggregateId: jurisdiction,
        referralId: null,
        ...requestCause(actorOf(principal)),
        data: { jurisdiction, version, timeZone: dto.timeZone },
      });
      return this.view(
        jurisdiction,
        await manager.findOneByOrFail(JurisdictionSettingsEntity, { jurisdiction, version }),
      );
    });
  }

  async get(jurisdiction: string): Promise<JurisdictionSettingsView> {
    const row = await this.dataSource.manager.findOne(JurisdictionSettingsEntity, {
      where: { jurisdiction },
      order: { version: 'DESC' },
    });
    return this.view(jurisdiction, row ?? undefined);
  }

  private view(jurisdiction: string, row: JurisdictionSettingsEntity | undefined): JurisdictionSettingsView {
    if (!row) return { jurisdiction, version: 0, timeZone: DEFAULT_TIME_ZONE, default: true };
    return {
      jurisdiction,
      version: row.version,
      timeZone: row.timeZone,
      default: false,
      createdAt: row.createdAt.toISOString(),
      createdBy: row.createdBy,
    };
  }
}
