export * from './statements';
export * from './networks';
export * from './protocol';
