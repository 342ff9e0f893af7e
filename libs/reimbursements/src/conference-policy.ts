import { Conference, toConferenceView } from '@dialogdag/conferences';
import { TravelPolicy, travelPolicyOf } from './rules/travel-policy';

/** The conference's reimbursement policy; null when it offers none. */
export function policyOf(conference: Conference): TravelPolicy | null {
  return travelPolicyOf(toConferenceView(conference).travelPolicy, conference.travelRequestDeadline);
}
