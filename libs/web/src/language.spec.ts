import { CatalogueShape, resolveLanguage, Texts } from './language';

describe('catalogues', () => {
  const sv = { page: { title: 'Titel', count: (n: number) => `${n} st` } } as const;

  it('types the other languages after the Swedish one, so a missing or extra text fails the type-check', () => {
    const en: CatalogueShape<typeof sv> = { page: { title: 'Title', count: (n: number) => `${n} items` } };
    // @ts-expect-error the English catalogue lacks a text the Swedish one has
    const missing: CatalogueShape<typeof sv> = { page: { title: 'Title' } };
    // @ts-expect-error a text must keep its parameters
    const wrongParameters: CatalogueShape<typeof sv> = { page: { title: 'Title', count: (n: string) => n } };
    const texts: Texts<CatalogueShape<typeof sv>> = { sv, en };
    expect(texts.en.page.count(3)).toBe('3 items');
    expect([missing, wrongParameters]).toHaveLength(2);
  });
});

describe('resolveLanguage', () => {
  it('takes ?lang=, then the cookie, then Accept-Language, and Swedish by default', () => {
    expect(resolveLanguage({ query: { lang: 'en' }, cookies: { lang: 'sv' }, headers: {} })).toBe('en');
    expect(resolveLanguage({ query: {}, cookies: { lang: 'en' }, headers: { 'accept-language': 'sv' } })).toBe('en');
    expect(resolveLanguage({ headers: { 'accept-language': 'de-DE, en-GB;q=0.8' } })).toBe('en');
    expect(resolveLanguage({ query: { lang: 'fr' }, headers: {} })).toBe('sv');
  });
});
