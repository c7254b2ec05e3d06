/** Line splitting that keeps what a file's bytes say: BOM, LF / CRLF / lone CR, and no phantom last line. */
export interface SplitText {
  lines: string[];
  /** Terminator of each line ('' for a last line without a newline). */
  eols: string[];
  bom: boolean;
  eol: 'lf' | 'crlf' | 'mixed';
}

export function splitLines(text: string): SplitText {
  let bom = false;
  if (text.charCodeAt(0) === 0xfeff) {
    bom = true;
    text = text.slice(1);
  }
  const lines: string[] = [];
  const eols: string[] = [];
  let lfs = 0;
  let crlfs = 0;
  let crs = 0;
  let start = 0;
  const n = text.length;
  // next LF and next CR at or after `start`, recomputed only when passed (keeps the scan linear)
  let nl = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (start < n) {
    if (nl !== -1 && nl < start) nl = text.indexOf('\n', start);
    if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
    const end = nl === -1 ? cr : cr === -1 ? nl : Math.min(nl, cr);
    if (end === -1) {
      lines.push(text.slice(start));
      eols.push('');
      break;
    }
    lines.push(text.slice(start, end));
    if (end === cr && nl === end + 1) {
      eols.push('\r\n');
      crlfs++;
      start = end + 2;
    } else if (end === cr) {
      eols.push('\r');
      crs++;
      start = end + 1;
    } else {
      eols.push('\n');
      lfs++;
      start = end + 1;
    }
  }
  const kinds = (lfs ? 1 : 0) + (crlfs ? 1 : 0) + (crs ? 1 : 0);
  return { lines, eols, bom, eol: kinds > 1 ? 'mixed' : crlfs ? 'crlf' : 'lf' };
}
