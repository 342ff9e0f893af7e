import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalSectionContext, RegistrationExtensions } from '@dialogdag/registrations';
import { toStockholmIso } from '@dialogdag/shared';
import { EvaluationResponse } from './evaluation/evaluation.entity';
import { respondentKey } from './evaluation/evaluation.service';

/**
 * The evaluation section of "Download my data": the person's own answers, found the way a second answer is
 * (by the respondent key), since the answers carry no link to the person otherwise. Group notes belong to a
 * group, not a person, and are not part of it.
 */
@Injectable()
export class ReportsPersonalData implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly extensions: RegistrationExtensions,
  ) {}

  onModuleInit(): void {
    this.extensions.addPersonalData({ key: 'evaluation', collect: (context) => this.collect(context) });
  }

  async collect({ participant, conference }: PersonalSectionContext): Promise<{ ratings: Record<string, number>; answers: Record<string, string>; submittedAt: string } | null> {
    const found = await this.db.getRepository(EvaluationResponse).findOneBy({ conferenceId: conference.id, respondentKey: respondentKey(conference.id, participant.id) });
    return found ? { ratings: found.ratings, answers: found.answers, submittedAt: toStockholmIso(found.submittedAt) } : null;
  }
}
