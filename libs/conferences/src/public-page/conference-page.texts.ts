import type { CatalogueShape } from '@dialogdag/web';

/** The public conference pages' own texts. */
export const sv = {
  upcoming: 'Kommande konferenser',
  noneUpcoming: 'Inga konferenser är öppna just nu.',
  when: 'När',
  where: 'Var',
  cost: 'Kostnad',
  defaultCost: 'Konferensen är kostnadsfri. Lunch och fika ingår.',
  deadline: 'Sista anmälningsdag',
  audience: 'Målgrupp',
  arrangers: 'Arrangörer',
  privacy: 'Så behandlar vi dina personuppgifter',
} as const;

export const en: CatalogueShape<typeof sv> = {
  upcoming: 'Upcoming conferences',
  noneUpcoming: 'No conferences are open right now.',
  when: 'When',
  where: 'Where',
  cost: 'Cost',
  defaultCost: 'Free of charge. Lunch and coffee included.',
  deadline: 'Registration deadline',
  audience: 'Target audience',
  arrangers: 'Arranged by',
  privacy: 'How we handle your personal data',
};
