import fc from 'fast-check';
import { answerProblems, evaluationWindow, formFromLabels, formProblems, summariseEvaluation } from './evaluation.rules';

const form = formFromLabels(['Helhetsintryck', ' Programmet  '], ['Vad var bäst?', '']);

describe('evaluation rules', () => {
  it('makes a form of labels, keyed by position, blank lines dropped', () => {
    expect(form).toEqual({ ratings: [{ key: 'r1', label: 'Helhetsintryck' }, { key: 'r2', label: 'Programmet' }], questions: [{ key: 'q1', label: 'Vad var bäst?' }] });
    expect(formProblems(formFromLabels([], []))[0].field).toBe('ratings');
  });

  it('opens when the conference ends and closes after a month', () => {
    const c = { endsAt: new Date('2030-10-20T14:00:00Z') };
    expect(evaluationWindow(c, new Date('2030-10-20T13:59:59Z'))).toBe('not_yet');
    expect(evaluationWindow(c, new Date('2030-10-20T14:00:00Z'))).toBe('open');
    expect(evaluationWindow(c, new Date('2030-11-19T14:00:00Z'))).toBe('open');
    expect(evaluationWindow(c, new Date('2030-11-19T14:00:01Z'))).toBe('closed');
  });

  it('wants every rating 1–5 and refuses unknown questions', () => {
    expect(answerProblems(form, { ratings: { r1: 5, r2: 3 }, answers: { q1: 'Samtalen' } })).toEqual([]);
    expect(answerProblems(form, { ratings: { r1: 6, r3: 2 }, answers: { q9: 'x' } }).map((p) => p.field)).toEqual(['ratings.r1', 'ratings.r2', 'ratings.r3', 'answers.q9']);
  });

  it('summarises counts, averages and sorted free texts', () => {
    const s = summariseEvaluation(form, [
      { ratings: { r1: 5, r2: 4 }, answers: { q1: 'Samtalen vid borden' } },
      { ratings: { r1: 4, r2: 4 }, answers: { q1: '  ' } },
      { ratings: { r1: 4, r2: 2 }, answers: { q1: 'Att alla tre parter var där' } },
    ]);
    expect(s.responses).toBe(3);
    expect(s.ratings[0]).toMatchObject({ key: 'r1', count: 3, average: 4.3, distribution: [0, 0, 0, 2, 1] });
    expect(s.questions[0].answers).toEqual(['Att alla tre parter var där', 'Samtalen vid borden']);
  });

  it('keeps every average between 1 and 5 and every distribution summing to its count', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ r1: fc.integer({ min: 1, max: 5 }), r2: fc.integer({ min: 1, max: 5 }) }), { maxLength: 50 }), (ratings) => {
        const s = summariseEvaluation(form, ratings.map((r) => ({ ratings: r, answers: {} })));
        for (const r of s.ratings) {
          expect(r.distribution.reduce((a, b) => a + b, 0)).toBe(r.count);
          if (r.average !== null) expect(r.average >= 1 && r.average <= 5).toBe(true);
        }
      }),
    );
  });
});
