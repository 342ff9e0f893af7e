import { Signer } from '@fastify/cookie';
import { hash, verify } from '@node-rs/argon2';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuthConfig } from '@dialogdag/config';
import { Clock, hashToken, newSecretToken, safeEqual } from '@dialogdag/shared';
import { apiTokenNotFound, organiserExists, wrongCredentials } from './auth.errors';
import { ApiToken, Organiser, OrganiserSession } from './organiser.entity';

export const SESSION_COOKIE = 'dialogdag_session';
const SESSION_HOURS = 24;

export interface AuthenticatedOrganiser {
  id: string;
  email: string;
  name: string;
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

  async createOrganiser(input: { email: string; name: string; password: string }): Promise<Organiser> {
    const passwordHash = await hash(input.password);
    const rows: Organiser[] = await this.db.query(
      `INSERT INTO organiser (email, name, password_hash) VALUES ($1, $2, $3)
       ON CONFLICT (lower(email)) DO NOTHING RETURNING id, email, name, created_at AS "createdAt"`,
      [input.email.trim(), input.name.trim(), passwordHash],
    );
    if (rows.length === 0) throw organiserExists();
    return rows[0];
  }

  /** Creates the first organiser only while there is none (ADMIN_EMAIL / demo). */
  async ensureFirstOrganiser(input: { email: string; name: string; password: string }): Promise<Organiser | null> {
    const passwordHash = await hash(input.password);
    return this.db.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('dialogdag:first-organiser'))`);
      const [{ count }] = await manager.query(`SELECT count(*)::int AS count FROM organiser`);
      if (count > 0) return null;
      const rows: Organiser[] = await manager.query(
        `INSERT INTO organiser (email, name, password_hash) VALUES ($1, $2, $3)
         RETURNING id, email, name, created_at AS "createdAt"`,
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

  async login(email: string, password: string): Promise<{ organiser: Organiser; cookieValue: string; expiresAt: Date }> {
    const found = await this.db
      .getRepository(Organiser)
      .createQueryBuilder('o')
      .addSelect('o.passwordHash')
      .where('lower(o.email) = lower(:email)', { email: email.trim() })
      .getOne();
    const valid = await verify(found?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
    if (!found || !valid) throw wrongCredentials();
    const token = newSecretToken();
    const expiresAt = new Date(this.clock.now().getTime() + SESSION_HOURS * 3600_000);
    await this.db.getRepository(OrganiserSession).insert({ tokenHash: hashToken(token), organiserId: found.id, expiresAt });
    const { passwordHash: _omit, ...organiser } = found;
    return { organiser: organiser as Organiser, cookieValue: await this.sign(token), expiresAt };
  }

  async logout(cookieValue: string | undefined): Promise<void> {
    const token = cookieValue ? await this.unsign(cookieValue) : null;
    if (token) await this.db.getRepository(OrganiserSession).delete({ tokenHash: hashToken(token) });
  }

  async authenticateSession(cookieValue: string | undefined): Promise<AuthenticatedOrganiser | null> {
    const token = cookieValue ? await this.unsign(cookieValue) : null;
    if (!token) return null;
    const tokenHash = hashToken(token);
    const rows: AuthenticatedOrganiser[] = await this.db.query(
      `SELECT o.id, o.email, o.name FROM organiser_session s JOIN organiser o ON o.id = s.organiser_id
       WHERE s.token_hash = $1 AND s.expires_at > $2`,
      [tokenHash, this.clock.now()],
    );
    return rows[0] ? { ...rows[0], sessionTokenHash: tokenHash } : null;
  }

  async authenticateApiToken(token: string): Promise<AuthenticatedOrganiser | null> {
    // For UPDATE, TypeORM's postgres driver answers [rows, affectedCount].
    const [rows]: [AuthenticatedOrganiser[], number] = await this.db.query(
      `UPDATE api_token t SET last_used_at = $2 FROM organiser o
       WHERE t.token_hash = $1 AND o.id = t.organiser_id RETURNING o.id, o.email, o.name`,
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
    const basis = organiser.sessionTokenHash ?? `api:${organiser.id}`;
    return createHmac('sha256', await this.sessionSecret()).update(`csrf:${basis}`).digest('base64url');
  }

  async checkCsrfToken(organiser: AuthenticatedOrganiser, submitted: unknown): Promise<boolean> {
    return typeof submitted === 'string' && safeEqual(submitted, await this.csrfTokenFor(organiser));
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
