import { Workshops1764000200000 } from './migrations/1764000200000-workshops';

export * from './workshops.module';
export * from './workshops.service';
export * from './assignment.service';
export * from './workshop.dto';
export * from './assignment.dto';
export type { AssignmentInstance, AssignmentResult, AssignmentMetrics, Objective } from './algorithm/assignment.types';
export { assignWorkshops } from './algorithm/assign';
export const workshopsMigrations = [Workshops1764000200000];
export { workshopMail } from './workshop-mail';
export type { WorkshopMailParams } from './workshop-mail';
