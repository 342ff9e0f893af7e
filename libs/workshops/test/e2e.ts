import { ApiClient, participant } from '../../../test/support/test-app';

/** What the workshop end-to-end tests do over and over: add a workshop, register someone with choices. */
export function workshopSteps(api: ApiClient, anonymous: ApiClient) {
  return {
    async addWorkshop(conferenceId: string, body: Record<string, unknown>) {
      const res = await api.post(`/api/conferences/${conferenceId}/workshops`, { theme: '', capacity: 10, ...body });
      if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { id: string; title: string; round: number | string; rounds: Array<number | string> };
    },
    async register(slug: string, body: Record<string, unknown>) {
      const res = await anonymous.post(`/api/public/conferences/${slug}/registrations`, participant(body));
      if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { id: string; status: string; manageToken: string };
    },
  };
}
