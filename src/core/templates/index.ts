export * from './segments';
export * from './builtin';
export * from './hf';
