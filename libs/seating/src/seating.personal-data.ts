import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalSectionContext, RegistrationExtensions } from '@dialogdag/registrations';

/**
 * The table section of "Download my data": where the person sits and whether an organiser fixed it there.
 * Requests to keep people apart or together are left out: they are about someone else too. Seating keeps no
 * free text about a person, so there is nothing to clear on erasure.
 */
@Injectable()
export class SeatingPersonalData implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly extensions: RegistrationExtensions,
  ) {}

  onModuleInit(): void {
    this.extensions.addPersonalData({ key: 'table', collect: (context) => this.collect(context) });
  }

  async collect({ participant }: PersonalSectionContext): Promise<{ name: string; fixedByOrganisers: boolean } | null> {
    const [row]: Array<{ name: string; fixed: boolean }> = await this.db.query(
      `SELECT t.name, EXISTS (SELECT 1 FROM seating_fixed f WHERE f.registration_id = s.registration_id) AS fixed
         FROM seating_seat s JOIN seating_table t ON t.id = s.table_id
        WHERE s.registration_id = $1`,
      [participant.id],
    );
    return row ? { name: row.name, fixedByOrganisers: row.fixed } : null;
  }
}
