import { DomainError } from '@dialogdag/shared';
import type { SeatingInputProblem } from './algorithm';

export const tableNotFound = () => new DomainError('seating_table_not_found', 'not_found', 'No such table in this conference.');
export const requestNotFound = () => new DomainError('seating_request_not_found', 'not_found', 'No such seating request in this conference.');
export const noTables = () =>
  new DomainError('seating_no_tables', 'conflict', 'This conference has no tables yet: add tables before placing people.');
export const duplicateTableName = (name: string, field: string) =>
  new DomainError('seating_duplicate_table_name', 'invalid', `${field}: the table name "${name}" is given twice; each table needs a name of its own.`, field);
export const tableNameTaken = (name: string) =>
  new DomainError('seating_table_name_taken', 'conflict', `name: there is already a table called "${name}" in this conference.`, 'name');
export const tableFull = (name: string, seats: number) =>
  new DomainError('seating_table_full', 'conflict', `tableId: table ${name} has all its ${seats} seats taken; move someone away first.`, 'tableId');
export const fixedOverSeats = (name: string, fixed: number, seats: number) =>
  new DomainError(
    'seating_fixed_over_seats',
    'conflict',
    `seats: ${fixed} people are placed by hand at table ${name}, more than its ${seats} seats; release some of them first.`,
    'seats',
  );
export const unknownPerson = (field: string) =>
  new DomainError('seating_unknown_person', 'invalid', `${field}: no registration with this id in this conference.`, field);
export const notASeatHolder = (field: string, name: string, status: string) =>
  new DomainError('seating_not_a_seat_holder', 'conflict', `${field}: ${name} holds no seat (registration ${status}), so cannot be placed at a table.`, field);
export const samePersonTwice = () =>
  new DomainError('seating_request_same_person', 'invalid', 'registrationIds: a request needs two different people.', 'registrationIds');
export const requestExists = () =>
  new DomainError('seating_request_exists', 'conflict', 'registrationIds: there is already a request for these two people; remove it first.', 'registrationIds');

/** The algorithm's reasons for refusing an input, as the one error each. */
export function placementRefused(problem: SeatingInputProblem, tableName: (id: string) => string): DomainError {
  switch (problem.code) {
    case 'too_few_seats':
      return new DomainError(
        'seating_too_few_seats',
        'conflict',
        `${problem.missing} seat${problem.missing === 1 ? ' is' : 's are'} missing: add tables or seats (reserved tables do not count) and run the placement again.`,
      );
    case 'fixed_table_full':
      return fixedOverSeats(tableName(problem.tableId), problem.fixed, problem.seats);
    case 'too_many_people':
      return new DomainError('seating_too_many_people', 'conflict', `The placement handles at most ${problem.limit} people.`);
    case 'fixed_table_unknown':
    case 'request_unknown_person':
    case 'request_same_person':
    case 'duplicate_person':
      // The service builds the input from rows the database keeps consistent; reaching here is a bug.
      throw new Error(`seating input inconsistent: ${JSON.stringify(problem)}`);
  }
}
