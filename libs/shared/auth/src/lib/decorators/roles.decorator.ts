import { SetMetadata } from '@nestjs/common';
import type { Role } from '@rj/shared/contracts';
import { ROLES_KEY } from '../auth.constants';

/** Only these roles may call the route; any other authenticated role gets 403. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);
