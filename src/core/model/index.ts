export * from './types';
export * from './client';
export { httpError } from './http';
