import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsObject, IsString, MaxLength } from 'class-validator';
import { MAX_LABEL, MAX_QUESTIONS } from './evaluation.rules';

export class EvaluationFormDto {
  @ApiProperty({ type: [String], description: 'Questions rated 1–5', example: ['Helhetsintryck av dagen'] })
  @IsArray({ message: 'ratings must be a list of questions' })
  @ArrayMaxSize(MAX_QUESTIONS, { message: `ratings: at most ${MAX_QUESTIONS} questions` })
  @IsString({ each: true, message: 'ratings must be a list of questions' })
  @MaxLength(MAX_LABEL, { each: true, message: `ratings: each question must be at most ${MAX_LABEL} characters` })
  ratings!: string[];

  @ApiProperty({ type: [String], description: 'Open questions', example: ['Vad var bäst med dagen?'] })
  @IsArray({ message: 'questions must be a list of questions' })
  @ArrayMaxSize(MAX_QUESTIONS, { message: `questions: at most ${MAX_QUESTIONS} questions` })
  @IsString({ each: true, message: 'questions must be a list of questions' })
  @MaxLength(MAX_LABEL, { each: true, message: `questions: each question must be at most ${MAX_LABEL} characters` })
  questions!: string[];
}

export class EvaluationAnswersDto {
  @ApiProperty({ description: 'Rating 1–5 per rating question key', example: { r1: 5, r2: 4 } })
  @IsObject({ message: 'ratings must be an object of question keys and ratings 1–5' })
  ratings!: Record<string, number>;

  @ApiProperty({ description: 'Free text per open question key', example: { q1: 'Samtalen vid borden' }, required: false })
  @IsObject({ message: 'answers must be an object of question keys and texts' })
  answers: Record<string, string> = {};
}
