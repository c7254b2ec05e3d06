export * from './count';
export * from './counter';
export * from './hfTokenizer';
