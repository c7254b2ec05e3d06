/** All built-in formats, most specific first (detection breaks score ties in this order). */
import type { Format } from '../types';
import { kto } from './kto';
import { preference } from './preference';
import { oasst } from './oasst';
import { dolly } from './dolly';
import { flan } from './flan';
import { cot } from './cot';
import { alpaca } from './alpaca';
import { sharegpt } from './sharegpt';
import { openaiChat } from './openaiChat';
import { promptCompletion } from './promptCompletion';
import { text } from './text';

export const allFormats: Format[] = [kto, preference, oasst, dolly, flan, cot, alpaca, sharegpt, openaiChat, promptCompletion, text];

const byId = new Map<string, Format>(allFormats.map((f) => [f.id, f]));

export function getFormat(id: string): Format | undefined {
  return byId.get(id);
}
