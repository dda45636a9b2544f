import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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
  @HttpCode(201)
  addNote(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: NoteDto) {
    return this.confidential.addNote(principal, id, body.text);
  }

  @Get('api/cases/:id/notes')
  notes(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.confidential.notes(principal, id);
  }

  @Post('api/cases/:id/disclosures')
  @HttpCode(201)
  disclose(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: DisclosureDto) {
    return this.confidential.disclose(principal, id, body);
  }
}
