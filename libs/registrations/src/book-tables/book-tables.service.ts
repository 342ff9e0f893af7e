import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ConferencesService } from '@dialogdag/conferences';
import { Clock } from '@dialogdag/shared';
import { html } from '@dialogdag/web';
import { RegistrationExtensions } from '../extensions/registration-extensions';
import { catalogue } from '../i18n';
import { PersonalLinks } from '../personal-links.service';
import {
  bookTableDescriptionMissing,
  bookTableLimitBelowApproved,
  bookTableLimitReached,
  bookTableNotFound,
  bookTablesNotOffered,
  bookTableWithdrawn,
} from '../registration.errors';
import { Registration } from '../registration.entity';
import { RegistrationMail } from '../registration-mail';
import { UUID_PATTERN } from '../registration-rows';

export type BookTableStatus = 'requested' | 'approved' | 'declined' | 'withdrawn';
export type BookTableDecision = 'approved' | 'declined';

export interface BookTableRequest {
  id: string;
  registrationId: string;
  name: string;
  email: string;
  organisation: string;
  description: string;
  status: BookTableStatus;
  decidedAt: Date | null;
  createdAt: Date;
}

export interface BookTableOverview {
  items: BookTableRequest[];
  total: number;
  /** How many book tables the venue has room for; 0: none offered. */
  limit: number;
  approved: number;
}

/** Raised by the database when an approval would pass the limit, or the limit would fall below the approvals. */
const constraintOf = (error: unknown) => (error as { constraint?: string })?.constraint;

const REQUEST_COLUMNS = `b.id, b.registration_id AS "registrationId", r.name, r.email, r.organisation, b.description, b.status,
  b.decided_at AS "decidedAt", b.created_at AS "createdAt"`;

/**
 * Book tables (bokbord): organisations ask for one when registering, organisers approve up to the
 * conference's limit (the database refuses more) and decline the rest; each decision is e-mailed.
 */
@Injectable()
export class BookTablesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly conferences: ConferencesService,
    private readonly extensions: RegistrationExtensions,
    private readonly mail: RegistrationMail,
    private readonly links: PersonalLinks,
  ) {}

  onModuleInit(): void {
    // A cancelled registration gives its table back; a transferred one hands the request to the colleague.
    this.extensions.onCancelled(async (manager, registrationId) => {
      await manager.query(`UPDATE book_table_request SET status = 'withdrawn', updated_at = $2 WHERE registration_id = $1 AND status <> 'withdrawn'`, [
        registrationId,
        this.clock.now(),
      ]);
    });
    this.extensions.onTransferred(async (manager, fromId, toId) => {
      await manager.query(`UPDATE book_table_request SET registration_id = $2, updated_at = $3 WHERE registration_id = $1`, [fromId, toId, this.clock.now()]);
    });
    this.extensions.addPersonalSection({
      key: 'book-table',
      render: async ({ participant, lang }) => {
        const request = await this.forRegistration(participant.id);
        if (!request) return null;
        const t = catalogue(lang).bookTable;
        return html`<section id="book-table"><h2>${t.heading}</h2><p>${t[request.status]}</p><p class="hint">${request.description}</p></section>`;
      },
    });
  }

  /** 0 when the conference offers no book tables. */
  async limitOf(conferenceId: string, manager: EntityManager = this.db.manager): Promise<number> {
    const [row] = await manager.query(`SELECT book_table_limit AS "limit" FROM registration_settings WHERE conference_id = $1`, [conferenceId]);
    return row?.limit ?? 0;
  }

  /** Checks a request made with a registration, before its transaction; the description to store. */
  async assertCanRequest(conferenceId: string, description: string | undefined): Promise<string> {
    if (!description?.trim()) throw bookTableDescriptionMissing();
    if ((await this.limitOf(conferenceId)) === 0) throw bookTablesNotOffered();
    return description.trim();
  }

  /** Inside the registration's transaction. */
  async request(manager: EntityManager, registration: Registration, description: string): Promise<void> {
    await manager.query(
      `INSERT INTO book_table_request (conference_id, registration_id, description, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)`,
      [registration.conferenceId, registration.id, description, this.clock.now()],
    );
  }

  async forRegistration(registrationId: string): Promise<{ status: BookTableStatus; description: string } | null> {
    const [row] = await this.db.query(`SELECT status, description FROM book_table_request WHERE registration_id = $1`, [registrationId]);
    return row ?? null;
  }

  async overview(organiserId: string, conferenceId: string): Promise<BookTableOverview> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const items: BookTableRequest[] = await this.db.query(
      `SELECT ${REQUEST_COLUMNS} FROM book_table_request b JOIN registration r ON r.id = b.registration_id
        WHERE b.conference_id = $1 ORDER BY b.created_at, b.id`,
      [conferenceId],
    );
    return { items, total: items.length, limit: await this.limitOf(conferenceId), approved: items.filter((i) => i.status === 'approved').length };
  }

  async setLimit(organiserId: string, conferenceId: string, limit: number): Promise<{ limit: number; approved: number }> {
    await this.conferences.assertManages(organiserId, conferenceId);
    try {
      await this.db.query(
        `INSERT INTO registration_settings (conference_id, book_table_limit) VALUES ($1, $2)
         ON CONFLICT (conference_id) DO UPDATE SET book_table_limit = EXCLUDED.book_table_limit`,
        [conferenceId, limit],
      );
    } catch (error) {
      if (constraintOf(error) === 'book_table_limit_below_approved') throw bookTableLimitBelowApproved((await this.overview(organiserId, conferenceId)).approved);
      throw error;
    }
    const { approved } = await this.overview(organiserId, conferenceId);
    return { limit, approved };
  }

  /** Approves or declines; the same decision twice changes nothing and sends nothing. */
  async decide(organiserId: string, conferenceId: string, requestId: string, decision: BookTableDecision): Promise<BookTableRequest> {
    await this.conferences.assertManages(organiserId, conferenceId);
    if (typeof requestId !== 'string' || !UUID_PATTERN.test(requestId)) throw bookTableNotFound();
    try {
      await this.db.transaction(async (manager) => {
        const [row] = await manager.query(`SELECT registration_id, description, status FROM book_table_request WHERE id = $1 AND conference_id = $2 FOR UPDATE`, [
          requestId,
          conferenceId,
        ]);
        if (!row) throw bookTableNotFound();
        if (row.status === 'withdrawn') throw bookTableWithdrawn();
        if (row.status === decision) return;
        const now = this.clock.now();
        await manager.query(`UPDATE book_table_request SET status = $2, decided_at = $3, updated_at = $3 WHERE id = $1`, [requestId, decision, now]);
        const registration = await manager.getRepository(Registration).findOneByOrFail({ id: row.registration_id });
        const conference = await this.conferences.findById(conferenceId, manager);
        const link = await this.links.issue(manager, registration.id);
        await this.mail.bookTableDecided(manager, conference, registration, link, decision === 'approved', row.description);
      });
    } catch (error) {
      if (constraintOf(error) === 'book_table_limit_reached') throw bookTableLimitReached(await this.limitOf(conferenceId));
      throw error;
    }
    this.mail.sendSoon();
    const [request] = await this.db.query(`SELECT ${REQUEST_COLUMNS} FROM book_table_request b JOIN registration r ON r.id = b.registration_id WHERE b.id = $1`, [requestId]);
    return request;
  }
}
