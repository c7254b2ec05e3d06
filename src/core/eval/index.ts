export * from './types';
export * from './batch';
export * from './answers';
export * from './prompt';
export * from './summary';
export * from './records';
