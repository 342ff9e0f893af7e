export * from './reimbursements.module';
export const reimbursementsMigrations = [];
