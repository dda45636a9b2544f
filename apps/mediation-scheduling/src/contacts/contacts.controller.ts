import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ContactConfirmedView } from '../scheduling-api.views';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { ContactDto } from './contact.dto';
import { ContactsService } from './contacts.service';

/** A declared mediator keeps a participant's contact and safe channels up to date. */
@ApiTags('participants')
@ApiBearerAuth()
@Controller()
@Roles('mediator')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Put('api/cases/:id/participants/:participantId/contact')
  @ApiOperation({ summary: "Update and re-confirm a participant's contact, safe channels and time zone with them." })
  @ApiOkResponse({ type: ContactConfirmedView })
  confirm(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('participantId') participantId: string,
    @Body() body: ContactDto,
  ) {
    return this.contacts.confirm(principal, id, participantId, body);
  }
}
