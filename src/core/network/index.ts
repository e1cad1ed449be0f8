export * from './statements';
export * from './networks';
