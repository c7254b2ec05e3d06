/**
 * Messages between the extension host and a webview are discriminated unions on `type`, declared per view
 * (src/protocol/<view>.ts) and imported by both sides. The host validates every message it receives.
 */
export interface Envelope<T extends string = string> {
  type: T;
}

/** True when `value` is an object with a string `type` among `types` (first check on anything a webview sends). */
export function isMessage<T extends string>(value: unknown, types: readonly T[]): value is Envelope<T> {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' && (types as readonly string[]).includes((value as { type: string }).type);
}
