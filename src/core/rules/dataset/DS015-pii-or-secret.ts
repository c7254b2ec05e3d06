import type { FindingDraft, RecordRule } from '../../types';

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function ibanValid(iban: string): boolean {
  const s = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (const ch of s) {
    const v = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of v) rem = (rem * 10 + Number(d)) % 97;
  }
  return rem === 1;
}

interface Detector {
  kind: string;
  re: RegExp;
  valid?: (m: string) => boolean;
  /** A cheap test that must pass for `re` to have any chance (most texts fail it); DIGITS / IBAN: a bit of `numeric`. */
  maybe: ((t: string) => boolean) | typeof DIGITS | typeof IBAN;
}

// the prechecks: a literal the pattern cannot do without (indexOf is a fast scan), or, for the patterns built
// from digits, one scan of one short regex (numeric); the full patterns run only on texts that pass
const hasAt = (t: string) => t.indexOf('@') >= 0;
const DIGITS = 1;
const IBAN = 2;
// phone numbers hold 3 digits, a separator and 3 digits; card numbers 4 digits, maybe a separator, 4 digits;
// an IBAN starts with 2 capital letters and 2 digits. One regex for the three, with the common \d{3} first:
// a text with none of them (most) is scanned once instead of once for each
const NUMERIC = /\d{3}(?:\)?[ .-]\d{3}|\d[ -]?\d{4})|[A-Z]{2}\d\d/g;

/** Which of the numeric prechecks the text passes: DIGITS | IBAN bits (the two alternatives start with different characters). */
function numeric(t: string): number {
  let found = 0;
  NUMERIC.lastIndex = 0;
  for (let m = NUMERIC.exec(t); m; m = NUMERIC.exec(t)) {
    found |= m[0].charCodeAt(0) <= 57 ? DIGITS : IBAN;
    if (found === (DIGITS | IBAN)) break;
    NUMERIC.lastIndex = m.index + 1;
  }
  return found;
}
const has = (s: string) => (t: string) => t.indexOf(s) >= 0;

const DETECTORS: Detector[] = [
  { kind: 'an email address', re: /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g, maybe: hasAt,
    valid: (m) => !/@(example|test|domain|email|company|yourdomain|mydomain)\.(com|org|net)$/i.test(m) && !/^(user|name|john\.?doe|jane\.?doe|someone|email)@/i.test(m) },
  { kind: 'a credit card number', re: /\b(?:\d{4}([ -]?)\d{4}\1\d{4}\1\d{1,7}|\d{13,19})\b/g, maybe: DIGITS,
    valid: (m) => { const d = m.replace(/\D/g, ''); return d.length >= 13 && d.length <= 19 && /^(4|5[1-5]|2[2-7]|3[47]|6(011|5))/.test(d) && luhn(d) && !/^(\d)\1+$/.test(d); } },
  { kind: 'an IBAN', re: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g, maybe: IBAN, valid: (m) => ibanValid(m.replace(/ /g, '')) },
  { kind: 'a phone number', re: /(?:\+\d{1,3}[ .-]?)?\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b/g, maybe: DIGITS,
    valid: (m) => !/^(555|000|123)/.test(m.replace(/\D/g, '').slice(-10)) && !/555[ .-]?\d{4}$/.test(m) },
  { kind: 'an OpenAI-style API key', re: /\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}\b/g, maybe: has('sk-') },
  { kind: 'an AWS access key id', re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, maybe: (t) => t.indexOf('AKIA') >= 0 || t.indexOf('ASIA') >= 0 },
  { kind: 'a GitHub token', re: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/g, maybe: (t) => t.indexOf('_') >= 0 && t.indexOf('gh') >= 0 },
  { kind: 'a Slack token', re: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g, maybe: has('xox') },
  { kind: 'a Google API key', re: /\bAIza[0-9A-Za-z_-]{35}\b/g, maybe: has('AIza') },
  { kind: 'a private key', re: /-----BEGIN (?:RSA |EC |OPENSSH |DSA )?PRIVATE KEY-----/g, maybe: has('-----BEGIN') },
];

export const piiOrSecret: RecordRule = {
  id: 'DS015',
  name: 'pii-or-secret',
  description: 'Personal data or a secret in a text field: email address, phone number, credit card (Luhn-checked), IBAN (checksum), API keys and private keys.',
  tags: ['privacy', 'security'],
  defaultSeverity: 'warning',
  docs: {
    rationale: 'Models memorise rare strings: an email address, a card number or an API key in training data can be reproduced verbatim to anyone. Patterns are checked (Luhn, IBAN mod-97) and placeholder addresses such as name@example.com are ignored.',
    bad: ['{"instruction": "Who should I contact?", "input": "", "output": "Write to maria.gonzalez@acme-corp.io or call 415-867-2311."}', '{"instruction": "Configure the client", "input": "", "output": "Use the key AKIAIOSFODNN7EXAMPLQ."}'],
    good: ['{"instruction": "Write a sample email address.", "input": "", "output": "name@example.com"}'],
  },
  scope: 'record',
  check(ctx) {
    const out: FindingDraft[] = [];
    for (const f of ctx.textFields()) {
      const t = f.text;
      if (t.length < 8) continue;
      // the numeric precheck is shared by three detectors: run it once
      let found: number | undefined;
      for (const d of DETECTORS) {
        if (typeof d.maybe === 'number' ? ((found ??= numeric(t)) & d.maybe) === 0 : !d.maybe(t)) continue;
        d.re.lastIndex = 0;
        for (let m = d.re.exec(t); m; m = d.re.exec(t)) {
          if (d.valid && !d.valid(m[0])) continue;
          out.push({ message: `looks like ${d.kind} — personal data and secrets can be memorised and reproduced by the model`, field: f.pointer, ...ctx.locateInString(f.pointer, m.index, m.index + m[0].length) });
        }
      }
    }
    return out;
  },
};
