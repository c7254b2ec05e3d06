/**
 * Streams lines out of a byte stream: UTF-8 decoded across chunk boundaries, BOM stripped,
 * LF / CRLF / lone CR, no phantom last line after a final newline. Memory is one line plus one chunk.
 */
export async function* readLines(stream: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  let first = true;
  let pendingCR = false;
  for await (const chunk of stream) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text.length) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (pendingCR) {
      // the previous chunk ended in CR: a following LF belongs to it
      if (text.charCodeAt(0) === 10) text = text.slice(1);
      pendingCR = false;
    }
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        yield carry + text.slice(start, i);
        carry = '';
        if (c === 13) {
          if (i + 1 < text.length) {
            if (text.charCodeAt(i + 1) === 10) i++;
          } else pendingCR = true;
        }
        start = i + 1;
      }
    }
    carry += text.slice(start);
  }
  carry += decoder.decode();
  if (carry.length) yield carry;
}
