import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@dialogdag/config';
import { Clock, hashToken, newSecretToken } from '@dialogdag/shared';
import { Registration } from './registration.entity';

/**
 * Personal links: the secret in a participant's URL, stored only as a hash. A registration has
 * the token it was created with and may get further ones (for later e-mails) without the first dying.
 */
@Injectable()
export class PersonalLinks {
  constructor(
    private readonly clock: Clock,
    private readonly appConfig: AppConfig,
  ) {}

  /** A fresh secret and the hash to store with a new registration. */
  newToken(): { token: string; hash: string } {
    const token = newSecretToken();
    return { token, hash: hashToken(token) };
  }

  /** A further personal link for a registration; the first one keeps working. */
  async issue(manager: EntityManager, registrationId: string): Promise<string> {
    const token = newSecretToken();
    await manager.query(`INSERT INTO registration_link (token_hash, registration_id, created_at) VALUES ($1, $2, $3)`, [
      hashToken(token),
      registrationId,
      this.clock.now(),
    ]);
    return token;
  }

  /**
   * Replaces every link of a registration with one new one (a link that reached the wrong person): the first
   * token's hash is overwritten and the further links are deleted, so none of them opens anything any more.
   */
  async renew(manager: EntityManager, registrationId: string): Promise<string> {
    const { token, hash } = this.newToken();
    await manager.query(`UPDATE registration SET manage_token_hash = $2 WHERE id = $1`, [registrationId, hash]);
    await this.revokeFurther(manager, [registrationId]);
    return token;
  }

  /** Deletes the further links of these registrations; the first token lives in the registration row. */
  async revokeFurther(manager: EntityManager, registrationIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM registration_link WHERE registration_id = ANY($1::uuid[])`, [registrationIds]);
  }

  /** The registration a token belongs to, whatever its status; null for anything that is not a live token. */
  async registrationFor(manager: EntityManager, token: string): Promise<Registration | null> {
    if (typeof token !== 'string' || !token || token.length > 100) return null;
    return manager
      .getRepository(Registration)
      .createQueryBuilder('r')
      .where(`(r.manage_token_hash = :hash OR r.id IN (SELECT l.registration_id FROM registration_link l WHERE l.token_hash = :hash))`, {
        hash: hashToken(token),
      })
      .getOne();
  }

  url(token: string): string {
    return `${this.publicUrl()}/r/${token}`;
  }

  publicUrl(): string {
    return this.appConfig.publicBaseUrl();
  }
}
