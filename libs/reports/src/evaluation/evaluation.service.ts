import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Conference, ConferencesService } from '@dialogdag/conferences';
import { Participant, ParticipantsService, RegistrationExtensions } from '@dialogdag/registrations';
import { Clock, DomainError, hashToken, ValidationFailed } from '@dialogdag/shared';
import { html } from '@dialogdag/web';
import { CATALOGUE } from '../i18n';
import { EvaluationFormRecord, EvaluationResponse } from './evaluation.entity';
import {
  answerProblems,
  EvaluationAnswers,
  EvaluationForm,
  EvaluationSummary,
  evaluationWindow,
  EvaluationWindow,
  formChangeAllowed,
  formFromLabels,
  formProblems,
  summariseEvaluation,
} from './evaluation.rules';

/** Until the organisers set their own questions, every conference asks these (in Swedish, the conferences' language). */
export function defaultForm(): EvaluationForm {
  const t = CATALOGUE.sv.evaluation;
  return formFromLabels([...t.defaultRatings], [...t.defaultQuestions]);
}

export interface ParticipantEvaluation {
  participant: Participant;
  conference: Conference;
  form: EvaluationForm;
  window: EvaluationWindow;
  /** The person's earlier answers, so they can change them while the evaluation is open. */
  previous: EvaluationAnswers | null;
}

@Injectable()
export class EvaluationService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conferences: ConferencesService,
    private readonly participants: ParticipantsService,
    private readonly extensions: RegistrationExtensions,
    private readonly clock: Clock,
  ) {}

  /** After the conference, the personal page offers the evaluation to seat-holders. */
  onModuleInit(): void {
    this.extensions.addPersonalSection({
      key: 'evaluation',
      render: async ({ participant, conference, token, lang, now }) => {
        if (participant.status !== 'confirmed' || evaluationWindow(conference, now) !== 'open') return null;
        const t = CATALOGUE[lang].evaluation;
        return html`<section class="evaluation-offer" aria-labelledby="evaluation-offer"><h2 id="evaluation-offer">${t.title}</h2>
<p>${t.offer}</p><p><a class="button" href="/r/${token}/evaluation?lang=${lang}">${t.offerLink}</a></p></section>`;
      },
    });
  }

  async form(organiserId: string, conferenceId: string): Promise<{ form: EvaluationForm; responses: number }> {
    await this.conferences.assertManages(organiserId, conferenceId);
    return { form: await this.formOf(conferenceId), responses: await this.db.getRepository(EvaluationResponse).countBy({ conferenceId }) };
  }

  /** 409 once answers have come in: they were given to the questions as they stood. */
  async setForm(organiserId: string, conferenceId: string, labels: { ratings: string[]; questions: string[] }): Promise<EvaluationForm> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const form = formFromLabels(labels.ratings, labels.questions);
    const problems = formProblems(form);
    if (problems.length) throw new ValidationFailed(problems);
    await this.db.transaction(async (manager) => {
      // Locks out a first answer arriving in between (it inserts the form row ON CONFLICT DO NOTHING).
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`evaluation:${conferenceId}`]);
      const responses = await manager.getRepository(EvaluationResponse).countBy({ conferenceId });
      if (!formChangeAllowed(responses))
        throw new DomainError('evaluation_answered', 'conflict', 'Answers have already come in; the questions can no longer change.', 'ratings');
      await manager.getRepository(EvaluationFormRecord).save({ conferenceId, ratings: form.ratings, questions: form.questions, updatedAt: this.clock.now() });
    });
    return form;
  }

  async summary(organiserId: string, conferenceId: string): Promise<EvaluationSummary> {
    await this.conferences.assertManages(organiserId, conferenceId);
    return this.summaryOf(conferenceId);
  }

  /** For the report, whose caller has checked who is asking. */
  async summaryOf(conferenceId: string): Promise<EvaluationSummary> {
    const responses = await this.db.getRepository(EvaluationResponse).find({ where: { conferenceId } });
    return summariseEvaluation(await this.formOf(conferenceId), responses);
  }

  async forParticipant(token: string): Promise<ParticipantEvaluation> {
    const { participant, conference } = await this.participants.byToken(token);
    const form = await this.formOf(conference.id);
    const previous = await this.db.getRepository(EvaluationResponse).findOneBy({ conferenceId: conference.id, respondentKey: respondentKey(conference.id, participant.id) });
    return { participant, conference, form, window: evaluationWindow(conference, this.clock.now()), previous: previous ? { ratings: previous.ratings, answers: previous.answers } : null };
  }

  /** Seat-holders answer once while it is open; answering again replaces the earlier answers. */
  async submit(token: string, input: EvaluationAnswers): Promise<void> {
    const { participant, conference, window } = await this.forParticipant(token);
    if (participant.status !== 'confirmed') throw new DomainError('evaluation_not_for_you', 'conflict', 'Only participants who held a seat can evaluate the conference.');
    if (window === 'not_yet') throw new DomainError('evaluation_not_open', 'conflict', 'The evaluation opens when the conference has ended.');
    if (window === 'closed') throw new DomainError('evaluation_closed', 'conflict', 'The evaluation is closed.');
    await this.db.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`evaluation:${conference.id}`]);
      // The form in force is fixed by the first answer, so later edits cannot re-key the answers.
      const form = await this.formOf(conference.id, manager);
      await manager.query(`INSERT INTO evaluation_form (conference_id, ratings, questions, updated_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
        conference.id, JSON.stringify(form.ratings), JSON.stringify(form.questions), this.clock.now(),
      ]);
      const answers = Object.fromEntries(Object.entries(input.answers ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]).filter(([, v]) => v !== ''));
      const problems = answerProblems(form, { ratings: input.ratings ?? {}, answers });
      if (problems.length) throw new ValidationFailed(problems);
      await manager.query(
        `INSERT INTO evaluation_response (conference_id, respondent_key, ratings, answers, submitted_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (conference_id, respondent_key) DO UPDATE SET ratings = EXCLUDED.ratings, answers = EXCLUDED.answers, submitted_at = EXCLUDED.submitted_at`,
        [conference.id, respondentKey(conference.id, participant.id), JSON.stringify(input.ratings), JSON.stringify(answers), this.clock.now()],
      );
    });
  }

  private async formOf(conferenceId: string, manager = this.db.manager): Promise<EvaluationForm> {
    const stored = await manager.getRepository(EvaluationFormRecord).findOneBy({ conferenceId });
    return stored ? { ratings: stored.ratings, questions: stored.questions } : defaultForm();
  }
}

/** Stops a second answer from the same person without storing who answered. */
export function respondentKey(conferenceId: string, registrationId: string): string {
  return hashToken(`evaluation:${conferenceId}:${registrationId}`);
}
