import type { DatasetStats } from '../core/stats/stats';

/** Host -> statistics webview. */
export type StatsToView = { type: 'stats'; file: string; stats: DatasetStats };
/** Statistics webview -> host. */
export type StatsFromView = { type: 'ready' };
