import { FixturePerson } from './stockholm.fixture';

/** What the e2e tests and the demo need from an API client: a JSON POST. */
export type Post = (path: string, body?: unknown) => Promise<{ status: number; body: { id: string } }>;

const slugPart = (text: string) => text.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '');

/**
 * Registers the people by hand (organiser API) and checks in those who attended; a few
 * at a time, so a 130-person conference takes seconds. Reserved example.org addresses only.
 */
export async function registerPeople(post: Post, conferenceId: string, people: FixturePerson[], tag: string): Promise<string[]> {
  const ids: string[] = new Array(people.length);
  const batch = 8;
  for (let start = 0; start < people.length; start += batch) {
    await Promise.all(
      people.slice(start, start + batch).map(async (p, offset) => {
        const i = start + offset;
        const res = await post(`/api/conferences/${conferenceId}/registrations`, {
          name: `Deltagare ${i + 1}`,
          email: `${tag}.${i + 1}.${slugPart(p.organisation)}@example.org`,
          organisation: p.organisation,
          sector: p.sector,
          isPolitician: p.isPolitician ?? false,
          ...(p.politicalParty ? { politicalParty: p.politicalParty } : {}),
          isVolunteer: p.isVolunteer ?? false,
        });
        if (res.status !== 201) throw new Error(`registration ${i} failed: ${res.status} ${JSON.stringify(res.body)}`);
        ids[i] = res.body.id;
        if (p.attended) {
          const checkIn = await post(`/api/conferences/${conferenceId}/registrations/${res.body.id}/check-in`);
          if (checkIn.status !== 200) throw new Error(`check-in ${i} failed: ${checkIn.status}`);
        }
      }),
    );
  }
  return ids;
}
