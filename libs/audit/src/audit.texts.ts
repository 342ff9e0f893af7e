import type { CatalogueShape, Texts } from '@dialogdag/web';

/** Every text the audit lib shows, Swedish first; the English catalogue has the same shape. */
const sv = {
  link: 'Ändringslogg',
  title: 'Ändringslogg',
  lead: 'Vem som ändrade vad och när, för varje ändring arrangörer gjort i konferensen. Loggen kan inte ändras; poster äldre än lagringstiden tas bort.',
  back: 'Tillbaka till konferensen',
  none: 'Inga ändringar loggade ännu.',
  filter: 'Visa åtgärd',
  allActions: 'Alla åtgärder',
  show: 'Visa',
  when: 'När',
  who: 'Vem',
  what: 'Vad',
  target: 'Gäller',
  details: 'Detaljer',
  status: 'Svar',
  viaToken: 'med API-nyckel',
  noDetails: 'Inga uppgifter',
  showDetails: 'Visa inskickade uppgifter',
  range: (first: number, last: number, total: number) => `Poster ${first}–${last} av ${total}`,
  pages: 'Sidor i loggen',
  newer: 'Nyare',
  older: 'Äldre',
} as const;

const en: CatalogueShape<typeof sv> = {
  link: 'Audit log',
  title: 'Audit log',
  lead: 'Who changed what and when, for every change organisers made to the conference. The log cannot be changed; entries older than the retention period are removed.',
  back: 'Back to the conference',
  none: 'No changes logged yet.',
  filter: 'Show action',
  allActions: 'All actions',
  show: 'Show',
  when: 'When',
  who: 'Who',
  what: 'What',
  target: 'Target',
  details: 'Details',
  status: 'Answer',
  viaToken: 'with an API token',
  noDetails: 'No details',
  showDetails: 'Show what was sent',
  range: (first: number, last: number, total: number) => `Entries ${first}–${last} of ${total}`,
  pages: 'Pages of the log',
  newer: 'Newer',
  older: 'Older',
};

export const AUDIT_TEXTS: Texts<CatalogueShape<typeof sv>> = { sv, en };
