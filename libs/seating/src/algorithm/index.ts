export * from './types';
export { placeTables, evaluatePlacement } from './place';
export { checkSeatingInput, organisationKey, MAX_PEOPLE } from './model';
export { tableOccupancy, MIN_AVERAGE_AT_TABLE } from './occupancy';
export { planCoverage } from './coverage.rules';
export { shareBand, scaledDeviation } from './shares.rules';
