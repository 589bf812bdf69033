export { loadPolicy, parsePolicyLayer, type PolicyHost } from './load';
export { mergePolicyLayers } from './merge';
export type { PolicyLayer } from './normalize';
