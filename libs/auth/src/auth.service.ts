import { Signer } from '@fastify/cookie';
import { hash, verify } from '@node-rs/argon2';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuthConfig } from '@dialogdag/config';
import { Clock, hashToken, newSecretToken, safeEqual } from '@dialogdag/shared';
import { apiTokenNotFound, organiserExists, weakPassword, wrongCredentials } from './auth.errors';
import { ApiToken, Organiser, OrganiserSession } from './organiser.entity';
import { isCommonPassword } from './password/common-passwords';
import { passwordProblem } from './password/password.rules';

export { SESSION_COOKIE } from './session-cookie';
/** A session ends a day after log-in at the latest, and after this long unused. */
const SESSION_HOURS = 24;
export const SESSION_IDLE_MINUTES = 240;
const TOUCH_AFTER_MS = 60_000;
const ORGANISER_COLUMNS = `id, email, name, is_platform_admin AS "isPlatformAdmin", created_at AS "createdAt"`;

export interface AuthenticatedOrganiser {
  id: string;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
  /** Set when authenticated by cookie; used to bind CSRF tokens to the session. */
  sessionTokenHash?: string;
}

// A fixed hash to verify against when the e-mail is unknown, so timing does not reveal accounts.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$gjSFprWMs4ebERdYr5cgnQ$MoFVxDshF4O0e6u+nxf4wHE3hhThhEUGVcjJJulzUmo';

@Injectable()
export class AuthService {
  private secret?: Promise<string>;
  private signer?: Promise<Signer>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AuthConfig,
    private readonly clock: Clock,
  ) {}

  /** Refuses, with 400 naming the field, a password shorter than 12 characters, common, or built on the e-mail. */
  assertAcceptablePassword(password: string, email?: string): void {
    const problem = passwordProblem(password, { email }, isCommonPassword);
    if (problem) throw weakPassword(problem);
  }

  async createOrganiser(
    input: { email: string; name: string; password: string; isPlatformAdmin?: boolean },
    manager: EntityManager = this.db.manager,
  ): Promise<Organiser> {
    this.assertAcceptablePassword(input.password, input.email);
    const passwordHash = await hash(input.password);
    const rows: Organiser[] = await manager.query(
      `INSERT INTO organiser (email, name, password_hash, is_platform_admin) VALUES ($1, $2, $3, $4)
       ON CONFLICT (lower(email)) DO NOTHING RETURNING ${ORGANISER_COLUMNS}`,
      [input.email.trim(), input.name.trim(), passwordHash, input.isPlatformAdmin ?? false],
    );
    if (rows.length === 0) throw organiserExists();
    return rows[0];
  }

  /** Creates the first organiser, a platform administrator, only while there is none (ADMIN_EMAIL). */
  async ensureFirstOrganiser(input: { email: string; name: string; password: string }): Promise<Organiser | null> {
    this.assertAcceptablePassword(input.password, input.email);
    const passwordHash = await hash(input.password);
    return this.db.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('dialogdag:first-organiser'))`);
      const [{ count }] = await manager.query(`SELECT count(*)::int AS count FROM organiser`);
      if (count > 0) return null;
      const rows: Organiser[] = await manager.query(
        `INSERT INTO organiser (email, name, password_hash, is_platform_admin) VALUES ($1, $2, $3, true)
         RETURNING ${ORGANISER_COLUMNS}`,
        [input.email.trim(), input.name.trim(), passwordHash],
      );
      return rows[0];
    });
  }

  countOrganisers(): Promise<number> {
    return this.db.getRepository(Organiser).count();
  }

  async findOrganiserByEmail(email: string): Promise<Organiser | null> {
    return this.db
      .getRepository(Organiser)
      .createQueryBuilder('o')
      .where('lower(o.email) = lower(:email)', { email: email.trim() })
      .getOne();
  }

  /** Names and addresses of organisers, for other libs' lists (they never read the organiser table). */
  async organisersByIds(ids: string[]): Promise<Array<{ id: string; email: string; name: string }>> {
    if (ids.length === 0) return [];
    return this.db.query(`SELECT id, email, name FROM organiser WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Checks the password and opens a new session; throttling and rotation are LoginService's. */
  async login(email: string, password: string): Promise<{ organiser: Organiser; cookieValue: string; expiresAt: Date; csrfToken: string }> {
    const found = await this.db
      .getRepository(Organiser)
      .createQueryBuilder('o')
      .addSelect('o.passwordHash')
      .where('lower(o.email) = lower(:email)', { email: email.trim() })
      .getOne();
    const valid = await verify(found?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
    if (!found || !valid) throw wrongCredentials();
    const token = newSecretToken();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
    const tokenHash = hashToken(token);
    await this.db.getRepository(OrganiserSession).insert({ tokenHash, organiserId: found.id, expiresAt, lastSeenAt: now });
    await this.db.query(`DELETE FROM organiser_session WHERE organiser_id = $1 AND expires_at <= $2`, [found.id, now]);
    const { passwordHash: _omit, ...organiser } = found;
    const csrfToken = await this.csrfTokenFor({ ...organiser, sessionTokenHash: tokenHash });
    return { organiser: organiser as Organiser, cookieValue: await this.sign(token), expiresAt, csrfToken };
  }

  /** Ends every session of the organiser, on every device (API tokens stay: they are revoked one by one). */
  async logoutEverywhere(organiserId: string): Promise<void> {
    await this.db.query(`DELETE FROM organiser_session WHERE organiser_id = $1`, [organiserId]);
  }

  /** A new password (after a reset): checked like any new one, and every open session ends. */
  async setPassword(organiserId: string, email: string, password: string, manager: EntityManager = this.db.manager): Promise<void> {
    this.assertAcceptablePassword(password, email);
    await manager.query(`UPDATE organiser SET password_hash = $2 WHERE id = $1`, [organiserId, await hash(password)]);
    await manager.query(`DELETE FROM organiser_session WHERE organiser_id = $1`, [organiserId]);
  }

  async logout(cookieValue: string | undefined): Promise<void> {
    const token = cookieValue ? await this.unsign(cookieValue) : null;
    if (token) await this.db.getRepository(OrganiserSession).delete({ tokenHash: hashToken(token) });
  }

  async authenticateSession(cookieValue: string | undefined): Promise<AuthenticatedOrganiser | null> {
    const token = cookieValue ? await this.unsign(cookieValue) : null;
    if (!token) return null;
    const tokenHash = hashToken(token);
    const now = this.clock.now();
    const rows: Array<AuthenticatedOrganiser & { lastSeenAt: Date }> = await this.db.query(
      `SELECT o.id, o.email, o.name, o.is_platform_admin AS "isPlatformAdmin", s.last_seen_at AS "lastSeenAt" FROM organiser_session s JOIN organiser o ON o.id = s.organiser_id
       WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3`,
      [tokenHash, now, new Date(now.getTime() - SESSION_IDLE_MINUTES * 60_000)],
    );
    if (!rows[0]) return null;
    const { lastSeenAt, ...organiser } = rows[0];
    // One write a minute at most keeps the idle clock honest without a write per request.
    if (now.getTime() - new Date(lastSeenAt).getTime() > TOUCH_AFTER_MS) {
      await this.db.query(`UPDATE organiser_session SET last_seen_at = $2 WHERE token_hash = $1`, [tokenHash, now]);
    }
    return { ...organiser, sessionTokenHash: tokenHash };
  }

  async authenticateApiToken(token: string): Promise<AuthenticatedOrganiser | null> {
    // For UPDATE, TypeORM's postgres driver answers [rows, affectedCount].
    const [rows]: [AuthenticatedOrganiser[], number] = await this.db.query(
      `UPDATE api_token t SET last_used_at = $2 FROM organiser o
       WHERE t.token_hash = $1 AND o.id = t.organiser_id RETURNING o.id, o.email, o.name, o.is_platform_admin AS "isPlatformAdmin"`,
      [hashToken(token), this.clock.now()],
    );
    return rows[0] ?? null;
  }

  async createApiToken(organiserId: string, name: string): Promise<{ token: ApiToken; secret: string }> {
    const secret = `dd_${newSecretToken()}`;
    const token = await this.db
      .getRepository(ApiToken)
      .save({ organiserId, name: name.trim(), tokenHash: hashToken(secret), lastUsedAt: null });
    const { tokenHash: _omit, ...visible } = token;
    return { token: visible as ApiToken, secret };
  }

  listApiTokens(organiserId: string): Promise<ApiToken[]> {
    return this.db.getRepository(ApiToken).find({ where: { organiserId }, order: { createdAt: 'ASC' } });
  }

  async revokeApiToken(organiserId: string, id: string): Promise<void> {
    const result = await this.db.getRepository(ApiToken).delete({ id, organiserId });
    if (!result.affected) throw apiTokenNotFound();
  }

  /** A per-session token for back-office forms (synchroniser token, derived so nothing is stored). */
  async csrfTokenFor(organiser: AuthenticatedOrganiser): Promise<string> {
    return this.keyedDigest('csrf', organiser.sessionTokenHash ?? `api:${organiser.id}`);
  }

  async checkCsrfToken(organiser: AuthenticatedOrganiser, submitted: unknown): Promise<boolean> {
    return typeof submitted === 'string' && safeEqual(submitted, await this.csrfTokenFor(organiser));
  }

  /** An HMAC of `value` under the app's secret, one purpose apart from another (CSRF, login form, form stamps). */
  async keyedDigest(purpose: string, value: string): Promise<string> {
    return createHmac('sha256', await this.sessionSecret()).update(`${purpose}:${value}`).digest('base64url');
  }

  private async sign(token: string): Promise<string> {
    return (await this.cookieSigner()).sign(token);
  }

  private async unsign(value: string): Promise<string | null> {
    const result = (await this.cookieSigner()).unsign(value);
    return result.valid && result.value ? result.value : null;
  }

  /** @fastify/cookie's own signer (HMAC-SHA256, compared in constant time), keyed with the session secret. */
  private cookieSigner(): Promise<Signer> {
    this.signer ??= this.sessionSecret().then((secret) => new Signer(secret, 'sha256'));
    return this.signer;
  }

  /** SESSION_SECRET, or one secret shared through the database by every instance. */
  private sessionSecret(): Promise<string> {
    if (this.config.sessionSecret) return Promise.resolve(this.config.sessionSecret);
    this.secret ??= (async () => {
      await this.db.query(`INSERT INTO app_secret (name, value) VALUES ('session', $1) ON CONFLICT (name) DO NOTHING`, [
        randomBytes(32).toString('base64url'),
      ]);
      const [row] = await this.db.query(`SELECT value FROM app_secret WHERE name = 'session'`);
      return row.value as string;
    })();
    return this.secret;
  }
}
