export { loadPolicy, parsePolicyLayer, type PolicyHost, type PolicyOptions } from './load';
export { mergePolicyLayers } from './merge';
export type { PolicyLayer } from './normalize';
