import { formatClock, formatMoney, Language, Ore, PARTY_LABELS, SECTOR_LABELS, TIME_ZONE } from '@dialogdag/shared';
import type { EvaluationSummary } from '../evaluation/evaluation.rules';
import { CATALOGUE } from '../i18n';
import type { ThemeOutcome } from '../notes/notes.rules';
import type { AttendanceSummary } from '../summary/attendance.rules';
import { formatCount, joinList, participantsText } from './participants.wording';

/** A report as plain blocks, so Markdown, PDF and the preview page say exactly the same. */
export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][] };

export interface ReportDocument {
  title: string;
  blocks: ReportBlock[];
}

export interface ReportPerson {
  name: string;
  title: string;
  organisation: string;
}

export interface ReportProgrammeItem {
  startsAt: Date;
  endsAt: Date;
  title: string;
  room: string | null;
  speakers: Array<ReportPerson & { role: 'speaker' | 'moderator' | 'panelist' | 'inspirer' }>;
}

/** Travel-claim figures; the reimbursements lib supplies them (wired by the lead), absent until then. */
export interface ClaimsFigures {
  count: number;
  approvedAmount: Ore;
}

export interface ReportInput {
  conference: { title: string; startsAt: Date; venueName: string; venueCity: string; arrangers: string };
  summary: AttendanceSummary;
  programme: ReportProgrammeItem[];
  moderator: ReportPerson | null;
  outcomes: ThemeOutcome[];
  evaluation: EvaluationSummary | null;
  claims?: ClaimsFigures | null;
}

const person = (p: ReportPerson) => [p.name, p.title, p.organisation].filter(Boolean).join(', ');

/** The draft of a conference's summary report: participants in words and tables, programme, outcomes, evaluation. */
export function buildReport(input: ReportInput, lang: Language): ReportDocument {
  const t = CATALOGUE[lang].report;
  const { conference: c, summary: s } = input;
  const title = t.heading(c.title);
  const blocks: ReportBlock[] = [{ kind: 'heading', level: 1, text: title }];
  const date = new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' }).format(c.startsAt);
  blocks.push({ kind: 'paragraph', text: t.intro(date, c.venueName.trim(), c.venueCity.trim()) + (c.arrangers.trim() ? ` ${t.arrangers(c.arrangers.trim())}` : '') });

  blocks.push({ kind: 'heading', level: 2, text: t.participants });
  for (const text of participantsText(s, lang)) blocks.push({ kind: 'paragraph', text });
  const n = (x: number) => formatCount(x, lang);
  blocks.push({
    kind: 'table',
    header: [t.tableParty, t.tableRegistered, t.tableAttended],
    rows: [...s.byParty.map((p) => [PARTY_LABELS[p.party][lang], n(p.registered), n(p.attended)]), [CATALOGUE[lang].common.total, n(s.registered), n(s.attended)]],
  });
  blocks.push({
    kind: 'table',
    header: [t.tableSector, t.tableRegistered, t.tableAttended],
    rows: s.bySector.map((x) => [SECTOR_LABELS[x.sector][lang], n(x.registered), n(x.attended)]),
  });

  blocks.push({ kind: 'heading', level: 2, text: t.programme });
  if (input.moderator) blocks.push({ kind: 'paragraph', text: `${t.moderator}: ${person(input.moderator)}.` });
  if (input.programme.length === 0) blocks.push({ kind: 'paragraph', text: t.noProgramme });
  else
    blocks.push({
      kind: 'list',
      items: input.programme.map((item) => {
        const speakers = item.speakers.map((sp) => `${person(sp)} (${t.roles[sp.role]})`);
        const room = item.room ? ` [${item.room}]` : '';
        return `${formatClock(item.startsAt)}–${formatClock(item.endsAt)} ${item.title}${room}${speakers.length ? `: ${joinList(speakers, lang)}` : ''}`;
      }),
    });

  blocks.push({ kind: 'heading', level: 2, text: t.outcomes });
  if (input.outcomes.length === 0) blocks.push({ kind: 'paragraph', text: t.noNotes });
  const notes = CATALOGUE[lang].notes;
  for (const outcome of input.outcomes) {
    blocks.push({ kind: 'heading', level: 3, text: outcome.theme });
    blocks.push({ kind: 'paragraph', text: t.groupsLine(joinList(outcome.groups, lang)) });
    for (const field of ['obstacles', 'opportunities', 'proposals'] as const) {
      if (outcome[field].length === 0) continue;
      blocks.push({ kind: 'paragraph', text: `${notes[field]}:` });
      blocks.push({ kind: 'list', items: outcome[field] });
    }
  }

  blocks.push({ kind: 'heading', level: 2, text: t.evaluationHeading });
  const e = input.evaluation;
  if (!e || e.responses === 0) blocks.push({ kind: 'paragraph', text: t.noEvaluation });
  else {
    blocks.push({ kind: 'paragraph', text: t.responses(e.responses) });
    const average = (x: number) => x.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    blocks.push({ kind: 'list', items: e.ratings.filter((r) => r.average !== null).map((r) => t.ratingLine(r.label, average(r.average!), r.count)) });
    for (const q of e.questions) {
      if (q.answers.length === 0) continue;
      blocks.push({ kind: 'heading', level: 3, text: q.label });
      blocks.push({ kind: 'list', items: q.answers.map((a) => a.replace(/\s+/g, ' ')) });
    }
  }

  // Claims: filled in from the reimbursements lib when the lead wires it; without figures the section is left out.
  if (input.claims) {
    blocks.push({ kind: 'heading', level: 2, text: t.claims });
    blocks.push({ kind: 'paragraph', text: t.claimsLine(input.claims.count, formatMoney(input.claims.approvedAmount, lang)) });
  }
  return { title, blocks };
}

/** Backslash-escapes what Markdown would read as markup, so names and notes print as written. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>#|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+=]|\d+[.)])(?=\s|$)/, (_m, space: string, mark: string) => `${space}${mark.replace(/([-+=.)])$/, '\\$1')}`);
}

export function toMarkdown(doc: ReportDocument): string {
  const out: string[] = [];
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'heading':
        out.push(`${'#'.repeat(block.level)} ${escapeMarkdown(block.text)}`);
        break;
      case 'paragraph':
        out.push(escapeMarkdown(block.text));
        break;
      case 'list':
        out.push(block.items.map((item) => `- ${escapeMarkdown(item)}`).join('\n'));
        break;
      case 'table':
        out.push(
          [block.header, block.header.map(() => '---'), ...block.rows].map((row) => `| ${row.map((cell) => escapeMarkdown(cell).replace(/\n/g, ' ')).join(' | ')} |`).join('\n'),
        );
        break;
    }
  }
  return out.join('\n\n') + '\n';
}
