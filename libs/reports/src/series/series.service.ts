import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Permission } from '@dialogdag/auth';
import { Conference, ConferencesService, MembersService } from '@dialogdag/conferences';
import { ParticipantsService } from '@dialogdag/registrations';
import { Clock, DomainError, toStockholmIso } from '@dialogdag/shared';
import { SeriesMember, SeriesSummary, summariseSeries } from '../summary/attendance.rules';
import { CreateSeriesDto, SeriesView, UpdateSeriesDto } from './series.dto';
import { ConferenceSeries, ConferenceSeriesMember } from './series.entity';

export const seriesNotFound = () => new DomainError('series_not_found', 'not_found', 'No such conference series.');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SeriesWithConferences {
  series: ConferenceSeries;
  conferences: Conference[];
}

/**
 * Series are managed by whoever created them and by the organisers of their conferences, so a series is shared by
 * the people who run its parts: reading it takes a role that reads figures in one of its conferences, changing it
 * one that edits one of them. Everyone else gets a 404. (The routes are only @SignedIn: a series is no conference.)
 */
@Injectable()
export class SeriesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly conferences: ConferencesService,
    private readonly members: MembersService,
    private readonly participants: ParticipantsService,
  ) {}

  async create(organiserId: string, dto: CreateSeriesDto): Promise<SeriesWithConferences> {
    const now = this.clock.now();
    const series = await this.db.getRepository(ConferenceSeries).save({
      title: dto.title.trim(), description: dto.description?.trim() ?? '', createdBy: organiserId, createdAt: now, updatedAt: now,
    });
    return { series, conferences: [] };
  }

  async list(organiserId: string): Promise<SeriesWithConferences[]> {
    const readable = await this.members.conferencesAllowing(organiserId, 'figures.read');
    const viaConferences = readable.length
      ? (await this.db.getRepository(ConferenceSeriesMember).findBy({ conferenceId: In(readable) })).map((m) => m.seriesId)
      : [];
    const all = await this.db.getRepository(ConferenceSeries).find({
      where: [{ createdBy: organiserId }, ...(viaConferences.length ? [{ id: In(viaConferences) }] : [])],
      order: { createdAt: 'DESC', id: 'ASC' },
    });
    return Promise.all(all.map(async (series) => ({ series, conferences: await this.conferencesOf(series.id) })));
  }

  async get(organiserId: string, seriesId: string): Promise<SeriesWithConferences> {
    const series = await this.assertManages(organiserId, seriesId, 'figures.read');
    return { series, conferences: await this.conferencesOf(series.id) };
  }

  async update(organiserId: string, seriesId: string, dto: UpdateSeriesDto): Promise<SeriesWithConferences> {
    const series = await this.assertManages(organiserId, seriesId, 'conference.edit');
    if (dto.title !== undefined) series.title = dto.title.trim();
    if (dto.description !== undefined) series.description = dto.description.trim();
    series.updatedAt = this.clock.now();
    await this.db.getRepository(ConferenceSeries).save(series);
    return this.get(organiserId, seriesId);
  }

  /** Removes the grouping only; the conferences stay as they are. */
  async remove(organiserId: string, seriesId: string): Promise<void> {
    const series = await this.assertManages(organiserId, seriesId, 'conference.edit');
    await this.db.getRepository(ConferenceSeries).delete({ id: series.id });
  }

  /** Adds a conference you manage; 409 when it already belongs to another series. */
  async addConference(organiserId: string, seriesId: string, conferenceId: string): Promise<SeriesWithConferences> {
    const series = await this.assertManages(organiserId, seriesId, 'conference.edit');
    await this.members.assertAllows(organiserId, conferenceId, 'conference.edit');
    const inserted = await this.db.query(
      `INSERT INTO conference_series_member (conference_id, series_id, added_at) VALUES ($1, $2, $3)
       ON CONFLICT (conference_id) DO NOTHING RETURNING series_id`,
      [conferenceId, series.id, this.clock.now()],
    );
    if (inserted.length === 0) {
      const existing = await this.db.getRepository(ConferenceSeriesMember).findOneBy({ conferenceId });
      if (existing && existing.seriesId !== series.id)
        throw new DomainError('conference_in_other_series', 'conflict', 'The conference already belongs to another series; remove it there first.', 'conferenceId');
    }
    return this.get(organiserId, seriesId);
  }

  async removeConference(organiserId: string, seriesId: string, conferenceId: string): Promise<SeriesWithConferences> {
    const series = await this.assertManages(organiserId, seriesId, 'conference.edit');
    await this.members.assertAllows(organiserId, conferenceId, 'conference.edit');
    const result = await this.db.getRepository(ConferenceSeriesMember).delete({ conferenceId, seriesId: series.id });
    if (!result.affected) throw new DomainError('conference_not_in_series', 'not_found', 'The conference is not in this series.', 'conferenceId');
    return this.get(organiserId, seriesId);
  }

  /** The series a conference belongs to, if any; the caller has checked who is asking. */
  async seriesOf(conferenceId: string): Promise<ConferenceSeries | null> {
    const member = await this.db.getRepository(ConferenceSeriesMember).findOneBy({ conferenceId });
    return member ? this.db.getRepository(ConferenceSeries).findOneBy({ id: member.seriesId }) : null;
  }

  async summary(organiserId: string, seriesId: string): Promise<SeriesWithConferences & { summary: SeriesSummary }> {
    const found = await this.get(organiserId, seriesId);
    const now = this.clock.now();
    const members: SeriesMember[] = found.conferences.map((c) => ({
      conferenceId: c.id, title: c.title, place: c.venueCity || c.venueName, startsAt: c.startsAt, ended: c.endsAt.getTime() <= now.getTime(),
    }));
    const rows = await this.participants.attendanceRows(members.map((m) => m.conferenceId));
    return { ...found, summary: summariseSeries(members, rows) };
  }

  private async conferencesOf(seriesId: string): Promise<Conference[]> {
    const members = await this.db.getRepository(ConferenceSeriesMember).findBy({ seriesId });
    const conferences = await Promise.all(members.map((m) => this.conferences.findById(m.conferenceId)));
    return conferences.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  }

  private async assertManages(organiserId: string, seriesId: string, permission: Permission): Promise<ConferenceSeries> {
    if (!UUID.test(seriesId)) throw seriesNotFound();
    const series = await this.db.getRepository(ConferenceSeries).findOneBy({ id: seriesId });
    if (!series) throw seriesNotFound();
    if (series.createdBy === organiserId) return series;
    const allowed = new Set(await this.members.conferencesAllowing(organiserId, permission));
    const members = await this.db.getRepository(ConferenceSeriesMember).findBy({ seriesId });
    if (members.some((m) => allowed.has(m.conferenceId))) return series;
    throw seriesNotFound();
  }
}

export function toSeriesView({ series, conferences }: SeriesWithConferences): SeriesView {
  return { id: series.id, title: series.title, description: series.description, conferenceIds: conferences.map((c) => c.id), createdAt: toStockholmIso(series.createdAt) };
}
