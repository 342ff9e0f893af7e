import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuthService, ConferenceRole, roleAllows } from '@dialogdag/auth';
import { AppConfig } from '@dialogdag/config';
import { OutboxDispatcher, OutboxService, renderMailBody } from '@dialogdag/mail';
import { Clock, formatDateTime, hashToken, Language, newSecretToken, toStockholmIso } from '@dialogdag/shared';
import { Conference } from '../conference.entity';
import { conferenceNotFound } from '../conference.errors';
import { InvitationView } from './members.dto';
import { alreadyMember, invitationInvalid, invitationNotFound } from './members.errors';
import { ConferenceInvitation } from './invitation.entity';
import { invitationExpiry, invitationUsable } from './members.rules';
import { MembersService } from './members.service';
import { MEMBERS_TEXTS } from './members.texts';

export interface OpenInvitation {
  invitation: ConferenceInvitation;
  conference: Conference;
  inviterName: string;
}

/** The outbox kind of invitation mail: its link grants a role, so only those who manage members see it there. */
export const INVITATION_MAIL_KIND = 'conference_invitation';

/** What a role may not read in the conference's outbox. */
export const outboxKindsHiddenFrom = (role: ConferenceRole): string[] => (roleAllows(role, 'members.manage') ? [] : [INVITATION_MAIL_KIND]);

const toView = (i: ConferenceInvitation): InvitationView => ({
  id: i.id, email: i.email, role: i.role, createdAt: toStockholmIso(i.createdAt), expiresAt: toStockholmIso(i.expiresAt),
});

/**
 * Invitations are how people who are not platform administrators get an account, and how anyone joins a
 * conference: an e-mailed link, single-use, valid for seven days, its token stored only as a hash and looked up
 * by it (so no comparison takes secret-dependent time).
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly members: MembersService,
    private readonly auth: AuthService,
    private readonly outbox: OutboxService,
    private readonly dispatcher: OutboxDispatcher,
    private readonly clock: Clock,
    private readonly app: AppConfig,
  ) {}

  /** Sends an invitation; an unanswered one to the same address is replaced (its link stops working). */
  async invite(inviter: { id: string; name: string }, conferenceId: string, input: { email: string; role: ConferenceRole }, lang: Language): Promise<InvitationView> {
    const email = input.email.trim();
    const conference = await this.db.getRepository(Conference).findOneBy({ id: conferenceId });
    if (!conference) throw conferenceNotFound();
    const existing = await this.auth.findOrganiserByEmail(email);
    if (existing && (await this.members.roleOf(existing.id, conferenceId))) throw alreadyMember();
    const token = newSecretToken();
    const now = this.clock.now();
    const expiresAt = invitationExpiry(now);
    const saved = await this.db.transaction(async (manager) => {
      await manager.query(`DELETE FROM conference_invitation WHERE conference_id = $1 AND lower(email) = lower($2) AND accepted_at IS NULL`, [conferenceId, email]);
      const invitation = await manager.getRepository(ConferenceInvitation).save({
        conferenceId, email, role: input.role, tokenHash: hashToken(token), invitedBy: inviter.id, createdAt: now, expiresAt, acceptedAt: null, acceptedBy: null,
      });
      await this.outbox.enqueue(manager, this.mail(conference, inviter.name, invitation, token, lang));
      return invitation;
    });
    this.dispatcher.nudge();
    return toView(saved);
  }

  async pending(conferenceId: string): Promise<InvitationView[]> {
    const rows = await this.db
      .getRepository(ConferenceInvitation)
      .createQueryBuilder('i')
      .where('i.conference_id = :conferenceId AND i.accepted_at IS NULL AND i.expires_at > :now', { conferenceId, now: this.clock.now() })
      .orderBy('i.created_at', 'DESC')
      .addOrderBy('i.id')
      .getMany();
    return rows.map(toView);
  }

  async withdraw(conferenceId: string, invitationId: string): Promise<void> {
    const result = await this.db.getRepository(ConferenceInvitation).delete({ id: invitationId, conferenceId, acceptedAt: IsNull() });
    if (!result.affected) throw invitationNotFound();
  }

  /** The invitation behind a link, while it still works; null otherwise. */
  async open(token: string): Promise<OpenInvitation | null> {
    const invitation = await this.db.getRepository(ConferenceInvitation).findOneBy({ tokenHash: hashToken(token) });
    if (!invitation || !invitationUsable(invitation, this.clock.now())) return null;
    const conference = await this.db.getRepository(Conference).findOneBy({ id: invitation.conferenceId });
    if (!conference) return null;
    const [inviter] = invitation.invitedBy ? await this.auth.organisersByIds([invitation.invitedBy]) : [];
    return { invitation, conference, inviterName: inviter?.name ?? '' };
  }

  /** A signed-in organiser, with whichever account, takes the invitation's role. */
  async accept(token: string, organiserId: string): Promise<{ conferenceId: string; role: ConferenceRole }> {
    return this.db.transaction((manager) => this.use(manager, token, organiserId));
  }

  /** Someone without an account sets a name and a password: the account (with the invited address) and the role, at once. */
  async acceptWithNewAccount(token: string, input: { name: string; password: string }): Promise<{ conferenceId: string; role: ConferenceRole; email: string }> {
    const found = await this.open(token);
    if (!found) throw invitationInvalid();
    const email = found.invitation.email;
    return this.db.transaction(async (manager) => {
      const organiser = await this.auth.createOrganiser({ email, name: input.name, password: input.password }, manager);
      return { ...(await this.use(manager, token, organiser.id)), email };
    });
  }

  /** Uses the link up: the conditional UPDATE lets one request win, however many arrive together. */
  private async use(manager: EntityManager, token: string, organiserId: string): Promise<{ conferenceId: string; role: ConferenceRole }> {
    const now = this.clock.now();
    const [rows]: [Array<{ conferenceId: string; role: ConferenceRole }>, number] = await manager.query(
      `UPDATE conference_invitation SET accepted_at = $2, accepted_by = $3
       WHERE token_hash = $1 AND accepted_at IS NULL AND expires_at > $2 RETURNING conference_id AS "conferenceId", role`,
      [hashToken(token), now, organiserId],
    );
    if (!rows[0]) throw invitationInvalid();
    await this.members.join(manager, rows[0].conferenceId, organiserId, rows[0].role);
    return rows[0];
  }

  private mail(conference: Conference, inviterName: string, invitation: ConferenceInvitation, token: string, lang: Language) {
    const t = MEMBERS_TEXTS[lang];
    const role = t.role[invitation.role];
    const url = `${this.app.publicBaseUrl()}/invitations/${token}?lang=${lang}`;
    const { text, html } = renderMailBody(
      {
        greeting: t.mail.greeting,
        paragraphs: [t.mail.body(inviterName, conference.title, role), t.mail.validity(formatDateTime(invitation.expiresAt, lang))],
        link: { label: t.mail.link, url },
        signature: t.mail.signature,
      },
      lang,
    );
    return { kind: INVITATION_MAIL_KIND, to: invitation.email, subject: t.mail.subject(conference.title), text, html, conferenceId: conference.id };
  }
}
