import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Several conferences reported together, e.g. "Regionala konferenser om överenskommelsen 2011–2013". */
@Entity('conference_series')
export class ConferenceSeries {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  title!: string;

  @Column('text', { default: '' })
  description!: string;

  @Column('uuid')
  createdBy!: string;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;
}

@Entity('conference_series_member')
export class ConferenceSeriesMember {
  @PrimaryColumn('uuid')
  conferenceId!: string;

  @Column('uuid')
  seriesId!: string;

  @Column('timestamptz')
  addedAt!: Date;
}
