import type { FieldProblem } from '@dialogdag/shared';

export interface EvaluationQuestion {
  key: string;
  label: string;
}

/** Set per conference: a few questions rated 1–5 and a few open ones. */
export interface EvaluationForm {
  ratings: EvaluationQuestion[];
  questions: EvaluationQuestion[];
}

export interface EvaluationAnswers {
  ratings: Record<string, number>;
  answers: Record<string, string>;
}

export interface RatingSummary extends EvaluationQuestion {
  count: number;
  /** Rounded to one decimal; null without answers. */
  average: number | null;
  /** How many gave 1, 2, 3, 4 and 5. */
  distribution: [number, number, number, number, number];
}

export interface EvaluationSummary {
  responses: number;
  ratings: RatingSummary[];
  questions: Array<EvaluationQuestion & { answers: string[] }>;
}

export const MAX_QUESTIONS = 10;
export const MAX_LABEL = 200;
export const MAX_ANSWER = 2000;
/** Answers are taken for a month after the conference. */
export const EVALUATION_OPEN_DAYS = 30;

/** Keys follow the position, so a form is fixed once answers exist (see `formChangeAllowed`). */
export function formFromLabels(ratings: string[], questions: string[]): EvaluationForm {
  const clean = (labels: string[]) => labels.map((l) => l.trim().replace(/\s+/g, ' ')).filter(Boolean);
  return {
    ratings: clean(ratings).map((label, i) => ({ key: `r${i + 1}`, label })),
    questions: clean(questions).map((label, i) => ({ key: `q${i + 1}`, label })),
  };
}

export function formProblems(form: EvaluationForm): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (form.ratings.length + form.questions.length === 0) problems.push({ field: 'ratings', message: 'ratings: the form needs at least one question' });
  if (form.ratings.length > MAX_QUESTIONS) problems.push({ field: 'ratings', message: `ratings: at most ${MAX_QUESTIONS} questions` });
  if (form.questions.length > MAX_QUESTIONS) problems.push({ field: 'questions', message: `questions: at most ${MAX_QUESTIONS} questions` });
  for (const [field, list] of [['ratings', form.ratings], ['questions', form.questions]] as const) {
    if (list.some((q) => q.label.length > MAX_LABEL)) problems.push({ field, message: `${field}: each question must be at most ${MAX_LABEL} characters` });
  }
  return problems;
}

/** Changing the questions after answers came in would pair old answers with new questions. */
export function formChangeAllowed(responses: number): boolean {
  return responses === 0;
}

export type EvaluationWindow = 'not_yet' | 'open' | 'closed';

export function evaluationWindow(conference: { endsAt: Date }, now: Date): EvaluationWindow {
  if (now.getTime() < conference.endsAt.getTime()) return 'not_yet';
  return now.getTime() <= conference.endsAt.getTime() + EVALUATION_OPEN_DAYS * 86400_000 ? 'open' : 'closed';
}

/** Every rating answered with a whole number 1–5; open answers optional and bounded; unknown keys refused. */
export function answerProblems(form: EvaluationForm, input: EvaluationAnswers): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const ratingKeys = new Set(form.ratings.map((q) => q.key));
  const questionKeys = new Set(form.questions.map((q) => q.key));
  for (const q of form.ratings) {
    const value = input.ratings[q.key];
    if (!Number.isInteger(value) || value < 1 || value > 5) problems.push({ field: `ratings.${q.key}`, message: `ratings.${q.key}: choose a rating from 1 to 5 for "${q.label}"` });
  }
  for (const key of Object.keys(input.ratings)) if (!ratingKeys.has(key)) problems.push({ field: `ratings.${key}`, message: `ratings.${key}: no such question` });
  for (const [key, text] of Object.entries(input.answers)) {
    if (!questionKeys.has(key)) problems.push({ field: `answers.${key}`, message: `answers.${key}: no such question` });
    else if (typeof text !== 'string' || text.length > MAX_ANSWER) problems.push({ field: `answers.${key}`, message: `answers.${key}: at most ${MAX_ANSWER} characters` });
  }
  return problems;
}

/** Counts, averages and the free texts; the texts are sorted, so their order tells nothing about who wrote them. */
export function summariseEvaluation(form: EvaluationForm, responses: readonly EvaluationAnswers[]): EvaluationSummary {
  return {
    responses: responses.length,
    ratings: form.ratings.map((q) => {
      const values = responses.map((r) => r.ratings[q.key]).filter((v): v is number => Number.isInteger(v) && v >= 1 && v <= 5);
      const distribution: RatingSummary['distribution'] = [0, 0, 0, 0, 0];
      for (const v of values) distribution[v - 1] += 1;
      const average = values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null;
      return { ...q, count: values.length, average, distribution };
    }),
    questions: form.questions.map((q) => ({
      ...q,
      answers: responses
        .map((r) => (r.answers[q.key] ?? '').trim())
        .filter(Boolean)
        .sort((a, b) => a.localeCompare(b, 'sv')),
    })),
  };
}
