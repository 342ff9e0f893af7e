import { ModuleRef } from '@nestjs/core';
import { SeatingService, TablesService } from '@dialogdag/seating';
import { AssignmentService, WorkshopsService } from '@dialogdag/workshops';

/** The seven "dialogue workshops" of a real conference, with room for everyone. */
const WORKSHOPS = [
  { title: 'Hälsa', theme: 'Hälsa och vård på lika villkor' },
  { title: 'Språk', theme: 'Svenska språket och modersmålen' },
  { title: 'Bostad', theme: 'Boende och bostadssegregation' },
  { title: 'Arbete', theme: 'Vägar till arbete' },
  { title: 'Utbildning', theme: 'Skola och vuxenutbildning' },
  { title: 'Mötesplatser', theme: 'Mötesplatser och föreningsliv' },
  { title: 'Antidiskriminering', theme: 'Arbetet mot diskriminering' },
];

/** 15 tables of 10, 8 and 6 seats: 120 seats for about 116 people. */
const TABLES = Array.from({ length: 15 }, (_, i) => ({ name: `Bord ${i + 1}`, seats: i < 5 ? 10 : i < 10 ? 8 : 6 }));

const get = <T>(moduleRef: ModuleRef, type: abstract new (...args: never[]) => T) =>
  moduleRef.get<T>(type as new (...args: never[]) => T, { strict: false });

/** Creates the demo's workshops; returns a ranked choice for the n-th participant (skewed: some themes are popular). */
export async function createDemoWorkshops(moduleRef: ModuleRef, organiserId: string, conferenceId: string): Promise<(n: number) => string[]> {
  const workshops = get(moduleRef, WorkshopsService);
  const ids: string[] = [];
  for (const [i, w] of WORKSHOPS.entries()) {
    ids.push((await workshops.create(organiserId, conferenceId, { ...w, room: `Sal ${i + 1}`, capacity: 18 })).id);
  }
  // Housing and work are everyone's first thought; the rest spread out.
  const popular = [2, 3, 2, 0, 3, 5, 2, 3, 1, 4, 6, 3];
  return (n) => {
    if (n % 9 === 8) return []; // some never choose
    const first = popular[n % popular.length];
    const second = (first + 1 + (n % 5)) % ids.length;
    const third = (second + 2) % ids.length === first ? (second + 3) % ids.length : (second + 2) % ids.length;
    return [ids[first], ids[second], ids[third]].filter((id, k, all) => all.indexOf(id) === k);
  };
}

/** Runs the workshop assignment and the table placement, so their pages show a result at once. */
export async function assignDemoWorkshopsAndTables(moduleRef: ModuleRef, organiserId: string, conferenceId: string): Promise<void> {
  await get(moduleRef, AssignmentService).run(organiserId, conferenceId);
  await get(moduleRef, TablesService).replace(organiserId, conferenceId, { tables: TABLES });
  await get(moduleRef, SeatingService).run(organiserId, conferenceId);
}
