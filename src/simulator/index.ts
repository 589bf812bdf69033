import { installSchemaValidators } from '../adapters/schema-validators';

// Account fixtures are validated against their schema.
installSchemaValidators();

export { startSimulator, type Simulator, type SimulatorOptions } from './server';
export { readAccountFixture, parseAccountFixture } from './read-fixture';
export type { SimAccount, SimRole, SimToken, SimUser, SimLogin, SimSystemNote, FaultSettings } from './account';
export type { LoggedRequest } from './request-log';
