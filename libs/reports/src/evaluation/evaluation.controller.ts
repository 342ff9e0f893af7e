import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedOrganiser, CurrentOrganiser, PublicRoute, Requires } from '@dialogdag/auth';
import { EvaluationAnswersDto, EvaluationFormDto } from './evaluation.dto';
import { EvaluationService } from './evaluation.service';

@ApiTags('reports')
@ApiCookieAuth()
@ApiBearerAuth()
@Requires('conference.edit')
@Controller('api/conferences/:id/evaluation')
export class EvaluationController {
  constructor(private readonly evaluation: EvaluationService) {}

  @Get()
  @ApiOperation({ summary: 'The evaluation form: questions rated 1–5 and open questions (defaults until set), and how many have answered' })
  form(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string) {
    return this.evaluation.form(organiser.id, id);
  }

  @Put()
  @ApiOperation({ summary: 'Set the questions; refused (409) once answers have come in' })
  @ApiConflictResponse({ description: 'Answers have come in' })
  async setForm(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: EvaluationFormDto) {
    return { form: await this.evaluation.setForm(organiser.id, id, body) };
  }

  @Get('summary')
  @Requires('figures.read')
  @ApiOperation({ summary: 'Anonymous summary: counts, averages and distributions per rating, the free texts (sorted) per question' })
  summary(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string) {
    return this.evaluation.summary(organiser.id, id);
  }
}

/** The participant's side, through the personal link. */
@ApiTags('public')
@PublicRoute()
@Controller('api/public/registrations/:token/evaluation')
export class PublicEvaluationController {
  constructor(private readonly evaluation: EvaluationService) {}

  @Get()
  @ApiOperation({ summary: 'The form, whether it is open (not_yet, open, closed) and your earlier answers' })
  async get(@Param('token') token: string) {
    const { form, window, previous } = await this.evaluation.forParticipant(token);
    return { form, window, previous };
  }

  @Post()
  @HttpCode(200)
  @ApiOkResponse({ description: '{ saved: true }; answering again replaces your earlier answers' })
  @ApiConflictResponse({ description: 'Not open yet, closed, or you held no seat' })
  async submit(@Param('token') token: string, @Body() body: EvaluationAnswersDto) {
    await this.evaluation.submit(token, body);
    return { saved: true };
  }
}
