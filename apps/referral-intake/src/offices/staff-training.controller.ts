import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { AddStaffMemberDto, RecordStaffTrainingDto } from './staff-training.dto';
import { StaffTrainingService } from './staff-training.service';

/** An office's register of its staff's restorative-justice training (issue 22). */
@ApiTags('offices')
@ApiBearerAuth()
@Controller('api/offices/:id/staff')
export class StaffTrainingController {
  constructor(private readonly training: StaffTrainingService) {}

  @Roles('admin', 'prosecutor')
  @Get()
  @ApiOperation({
    summary:
      "The office's staff with their restorative-justice courses, those with none first, and the office's figures (staff, trained, untrained, hours).",
  })
  register(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.training.register(principal, id);
  }

  @Roles('admin', 'prosecutor')
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a member of staff to the training register (office.staff_member_added, ids only).' })
  add(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AddStaffMemberDto,
  ) {
    return this.training.addMember(principal, id, dto);
  }

  @Roles('admin', 'prosecutor')
  @Post(':staffId/trainings')
  @HttpCode(201)
  @ApiOperation({
    summary:
      "Record a member of staff's restorative-justice course: title, day, hours (office.staff_training_recorded: ids, day and hours only).",
  })
  record(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('staffId', ParseUUIDPipe) staffId: string,
    @Body() dto: RecordStaffTrainingDto,
  ) {
    return this.training.recordTraining(principal, id, staffId, dto);
  }
}
