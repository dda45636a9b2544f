import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { DisclosureView, NoteList, NoteRecordedView } from '../scheduling-api.views';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { DisclosureDto, NoteDto } from './confidential.dto';
import { ConfidentialService } from './confidential.service';

/** Mediators only: not even the partner's admin reads what was said (product.md, Confidentiality). */
@ApiTags('confidential')
@ApiBearerAuth()
@Controller()
@Roles('mediator')
export class ConfidentialController {
  constructor(private readonly confidential: ConfidentialService) {}

  @Post('api/cases/:id/notes')
  @ApiOperation({ summary: 'Add a confidential note: encrypted, for the assigned mediators only, never in events.' })
  @ApiCreatedResponse({ type: NoteRecordedView })
  @ApiGoneResponse({ description: 'The referral’s personal data was erased: nothing confidential can be added.' })
  @HttpCode(201)
  addNote(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: NoteDto) {
    return this.confidential.addNote(principal, id, body.text);
  }

  @Get('api/cases/:id/notes')
  @ApiOperation({
    summary: "The case's confidential notes, decrypted for its assigned mediators (each read is recorded).",
  })
  @ApiOkResponse({ type: NoteList })
  notes(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.confidential.notes(principal, id);
  }

  @Post('api/cases/:id/disclosures')
  @ApiOperation({
    summary:
      'Record a disclosure made under a legal duty (imminent harm): its basis and the kind of recipient; who exactly stays encrypted here.',
  })
  @ApiCreatedResponse({ type: DisclosureView })
  @ApiGoneResponse({ description: 'The referral’s personal data was erased: nothing confidential can be added.' })
  @HttpCode(201)
  disclose(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: DisclosureDto) {
    return this.confidential.disclose(principal, id, body);
  }
}
