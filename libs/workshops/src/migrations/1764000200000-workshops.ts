import { MigrationInterface, QueryRunner } from 'typeorm';

export class Workshops1764000200000 implements MigrationInterface {
  name = 'Workshops1764000200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE workshop (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        title text NOT NULL CHECK (btrim(title) <> ''),
        theme text NOT NULL DEFAULT '',
        description text NOT NULL DEFAULT '',
        room text,
        capacity int NOT NULL CHECK (capacity > 0),
        -- Round keys: a round number ('1', '2', …) or the id of a workshop block in the programme.
        -- Several keys: the workshop repeats in each of those rounds, with this capacity in each.
        rounds text[] NOT NULL DEFAULT '{1}' CHECK (cardinality(rounds) BETWEEN 1 AND 12),
        group_min int NOT NULL DEFAULT 6,
        group_max int NOT NULL DEFAULT 10,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK (group_min >= 2 AND group_max >= group_min AND group_max <= 50),
        UNIQUE (conference_id, id)
      )`);
    await db.query(`CREATE INDEX workshop_conference ON workshop (conference_id, created_at)`);
    await db.query(`
      CREATE TABLE workshop_inspirer (
        workshop_id uuid NOT NULL,
        conference_id uuid NOT NULL,
        speaker_id uuid NOT NULL,
        position int NOT NULL DEFAULT 0,
        PRIMARY KEY (workshop_id, speaker_id),
        FOREIGN KEY (conference_id, workshop_id) REFERENCES workshop(conference_id, id) ON DELETE CASCADE,
        FOREIGN KEY (conference_id, speaker_id) REFERENCES speaker(conference_id, id) ON DELETE CASCADE
      )`);
    // One row per person and round. Writers hold the conference's seat lock (as registrations
    // do), so capacities are checked against a count no concurrent change can move.
    await db.query(`
      CREATE TABLE workshop_assignment (
        registration_id uuid NOT NULL REFERENCES registration(id) ON DELETE CASCADE,
        round text NOT NULL,
        conference_id uuid NOT NULL,
        workshop_id uuid NOT NULL,
        dialogue_group int CHECK (dialogue_group > 0),
        rank int CHECK (rank BETWEEN 1 AND 3),
        locked boolean NOT NULL DEFAULT false,
        assigned_at timestamptz NOT NULL,
        PRIMARY KEY (registration_id, round),
        UNIQUE (registration_id, workshop_id),
        FOREIGN KEY (conference_id, workshop_id) REFERENCES workshop(conference_id, id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX workshop_assignment_workshop ON workshop_assignment (workshop_id, round)`);
    await db.query(`CREATE INDEX workshop_assignment_conference ON workshop_assignment (conference_id)`);
    await db.query(`
      CREATE TABLE workshop_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        ran_at timestamptz NOT NULL,
        duration_ms double precision NOT NULL,
        metrics jsonb NOT NULL,
        -- Who held a seat, with which choices, at the run: what "changed since" is measured against.
        snapshot jsonb NOT NULL
      )`);
    await db.query(`CREATE INDEX workshop_run_conference ON workshop_run (conference_id, ran_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE workshop_run`);
    await db.query(`DROP TABLE workshop_assignment`);
    await db.query(`DROP TABLE workshop_inspirer`);
    await db.query(`DROP TABLE workshop`);
  }
}
