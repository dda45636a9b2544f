import { Controller, Delete, HttpCode, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { ErasureService, type ErasureView } from './erasure.service';

@ApiTags('personal data')
@ApiBearerAuth()
@Controller('api/referrals/:id/personal-data')
export class PersonalDataController {
  constructor(private readonly erasure: ErasureService) {}

  @Roles('admin')
  @Delete()
  @HttpCode(200)
  erase(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ErasureView> {
    return this.erasure.erase(principal, id);
  }
}
