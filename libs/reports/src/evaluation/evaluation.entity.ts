import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { EvaluationQuestion } from './evaluation.rules';

@Entity('evaluation_form')
export class EvaluationFormRecord {
  @PrimaryColumn('uuid')
  conferenceId!: string;

  @Column('jsonb')
  ratings!: EvaluationQuestion[];

  @Column('jsonb')
  questions!: EvaluationQuestion[];

  @Column('timestamptz')
  updatedAt!: Date;
}

/** One participant's answers, with no link back to the person. */
@Entity('evaluation_response')
export class EvaluationResponse {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  conferenceId!: string;

  @Column('text', { select: false })
  respondentKey!: string;

  @Column('jsonb')
  ratings!: Record<string, number>;

  @Column('jsonb')
  answers!: Record<string, string>;

  @Column('timestamptz')
  submittedAt!: Date;
}
