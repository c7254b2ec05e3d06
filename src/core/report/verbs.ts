/**
 * The root verb of an instruction and its direct object (Self-Instruct's verb–noun analysis), from compromise's
 * part-of-speech tags: the first action verb of the first sentence (after "please", "can you", "I want you to"…),
 * then the first noun after it. A question counts under its question word, e.g. "(what)", or "(yes/no)".
 */
import nlp from 'compromise/two';
import { firstSentence } from './text';

interface Term {
  normal: string;
  tags: string[];
  post?: string;
}

const NOT_ROOT = new Set(['Copula', 'Modal', 'Auxiliary']);
const SKIP_VERBS = new Set(['please', 'let', 'help', 'want', 'need', 'like', 'would', 'could', 'can', 'do', 'does', 'did']);
const SKIP_NOUNS = new Set(['following', 'me', 'us', 'it', 'them', 'this', 'that', 'these', 'those', 'something', 'someone', 'one', 'way', 'kind', 'type', 'piece']);

export interface VerbNoun {
  verb: string;
  noun?: string;
}

function isVerb(t: Term): boolean {
  return t.tags.includes('Verb') && !t.tags.some((x) => NOT_ROOT.has(x)) && !SKIP_VERBS.has(t.normal);
}

/** Root verb and object of the first sentence of `text`, or undefined when it has neither a verb nor a question word. */
export function rootVerb(text: string): VerbNoun | undefined {
  const sentence = firstSentence(text, 30);
  if (!sentence) return undefined;
  const doc = nlp(sentence).json({ terms: { normal: true, tags: true, text: true }, text: false, normal: false }) as { terms: Term[] }[];
  const terms = doc[0]?.terms ?? [];
  if (!terms.length) return undefined;
  const isNoun = (t: Term) => t.tags.includes('Noun') && !t.tags.some((x) => x === 'Pronoun' || x === 'Value' || x === 'Adjective' || x === 'Verb') && !SKIP_NOUNS.has(t.normal) && /\p{L}/u.test(t.normal);
  let start = 0;
  // "Can you / Could you / Would you please …" is a request: the verb follows
  if (terms.length > 2 && /^(can|could|would|will)$/.test(terms[0].normal) && terms[1].normal === 'you') start = 2;
  // a question ("What is…", "Why can camels…", "Is it true…"): its question word stands for the verb
  const first = terms[start];
  const auxiliary = first.tags.some((x) => NOT_ROOT.has(x)) || /^(do|does|did|is|are|was|were|has|have|had)$/.test(first.normal);
  const wh = /^(what|which|why|how|who|whom|whose|when|where)$/.test(first.normal);
  if (wh || (start === 0 && auxiliary)) {
    const noun = terms.slice(start + 1).find(isNoun);
    return { verb: wh ? `(${first.normal})` : '(yes/no)', noun: noun?.normal };
  }
  let v = -1;
  // the root verb sits near the start of an instruction; later verbs are usually in subordinate clauses
  for (let i = start; i < Math.min(terms.length, start + 12); i++) {
    // "Given a sentence, rewrite…": skip past the participle clause
    if (i === start && /^(given|using|based)$/.test(terms[i].normal)) {
      const comma = terms.findIndex((t) => !!t.post?.includes(','));
      if (comma > 0) {
        i = comma;
        continue;
      }
    }
    if (isVerb(terms[i]) && !terms[i].tags.includes('Gerund')) {
      v = i;
      break;
    }
  }
  if (v < 0) return undefined;
  let noun: string | undefined;
  for (let i = v + 1; i < Math.min(terms.length, v + 8); i++) {
    const t = terms[i];
    if ((t.tags.includes('Verb') && !t.tags.includes('Gerund')) || t.tags.includes('QuestionWord') || /^(why|how|what|whether|if|when|where|who)$/.test(t.normal)) break;
    // "rewrite it in …": the object is a pronoun
    if (/^(it|them|this|that|these|those)$/.test(t.normal) && !(terms[i + 1] && isNoun(terms[i + 1]))) break;
    if (isNoun(t)) {
      // a compound ("air pollution", "linux terminal"): its head is the last noun of the run
      let j = i;
      while (j + 1 < terms.length && isNoun(terms[j + 1]) && !terms[j].post?.trim()) j++;
      noun = terms[j].normal;
      break;
    }
    if (t.post?.trim()) break;
  }
  return { verb: terms[v].normal, noun };
}
