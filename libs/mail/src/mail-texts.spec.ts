import { EntityManager } from 'typeorm';
import { ComposedMail } from './composed-mail';
import { AdaptableMail, MailTexts } from './mail-texts';
import { renderMailBody } from './templates/layout';

const manager = {} as EntityManager;

function mail(kind: string, conferenceId?: string): ComposedMail {
  const body = renderMailBody({ greeting: 'Hej Ada!', paragraphs: ['Avgift <400 kr>.'], link: { label: 'Länk', url: 'https://x/r/t' }, signature: '/Arr' }, 'sv');
  return { kind, to: 'ada@example.org', subject: 'S', ...body, conferenceId };
}

describe('MailTexts', () => {
  it('leaves mail alone without a source', async () => {
    const mails = [mail('registration_confirmed', 'c1')];
    expect(await new MailTexts().adapt(manager, mails)).toBe(mails);
  });

  it('puts the introduction after the greeting and the closing before the signature, escaped, once per batch', async () => {
    const texts = new MailTexts();
    const seen: AdaptableMail[][] = [];
    texts.use({
      adaptationsFor: async (_, mails) => {
        seen.push([...mails]);
        return mails.map((m) => (m.kind === 'registration_confirmed' ? { intro: ['Ingång via <Storgatan>.'], closing: ['Fråga Eva.'] } : null));
      },
    });
    const [adapted, untouched, noConference] = await texts.adapt(manager, [mail('registration_confirmed', 'c1'), mail('registration_waitlisted', 'c1'), mail('password_reset')]);
    expect(seen).toHaveLength(1);
    expect(seen[0].map((m) => m.kind)).toEqual(['registration_confirmed', 'registration_waitlisted']);
    expect(adapted.text.split('\n\n')).toEqual(['Hej Ada!', 'Ingång via <Storgatan>.', 'Avgift <400 kr>.', 'Fråga Eva.', 'Länk:\nhttps://x/r/t', '/Arr']);
    expect(adapted.html).toContain('<p>Ingång via &lt;Storgatan&gt;.</p>');
    expect(adapted.html!.indexOf('Ingång')).toBeLessThan(adapted.html!.indexOf('Avgift'));
    expect(untouched.text).not.toContain('Ingång');
    expect(noConference.text).not.toContain('Ingång');
  });
});
