export * from './types';
export { readPolicy, parsePolicyLayer, type ReadText } from './read';
export { mergePolicyLayers, DEFAULT_EXCESS } from './merge';
export { resolvePermission } from './resolve-permission';
