import { Controller, Delete, HttpCode, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErasureResponse } from '../referrals/referral-detail.views';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { ErasureService, type ErasureView } from './erasure.service';

@ApiTags('personal data')
@ApiBearerAuth()
@Controller('api/referrals/:id/personal-data')
export class PersonalDataController {
  constructor(private readonly erasure: ErasureService) {}

  @ApiOperation({
    summary:
      'Erase a referral’s personal data by deleting its data key: every copy becomes unreadable at once, while the audit chain still verifies.',
  })
  @ApiOkResponse({ type: ErasureResponse })
  @Roles('admin')
  @Delete()
  @HttpCode(200)
  erase(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ErasureView> {
    return this.erasure.erase(principal, id);
  }
}
