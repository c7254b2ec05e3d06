/**
 * Demographic words in prompts and responses: gendered terms (and their ratio) and other groups (religion,
 * nationality-neutral ethnicity words, age), as plain counts with caveats, never verdicts. Lists are replaceable
 * through `report.terms` in .instructlint.jsonc.
 */
import type { DemographicsReport, ReportConfig, ReportInput } from './types';

export const DEFAULT_TERMS: Record<string, Record<string, string[]>> = {
  gender: {
    masculine: ['he', 'him', 'his', 'himself', 'man', 'men', 'boy', 'boys', 'male', 'males', 'father', 'fathers', 'son', 'sons', 'husband', 'brother', 'brothers', 'king', 'mr', 'gentleman', 'gentlemen'],
    feminine: ['she', 'her', 'hers', 'herself', 'woman', 'women', 'girl', 'girls', 'female', 'females', 'mother', 'mothers', 'daughter', 'daughters', 'wife', 'sister', 'sisters', 'queen', 'mrs', 'ms', 'lady', 'ladies'],
    neutral: ['they', 'them', 'their', 'person', 'people', 'parent', 'parents', 'child', 'children', 'spouse', 'sibling', 'siblings'],
  },
  religion: {
    christian: ['christian', 'christians', 'christianity', 'church'],
    muslim: ['muslim', 'muslims', 'islam', 'islamic', 'mosque'],
    jewish: ['jewish', 'jews', 'judaism', 'synagogue'],
    hindu: ['hindu', 'hindus', 'hinduism'],
    buddhist: ['buddhist', 'buddhists', 'buddhism'],
    atheist: ['atheist', 'atheists', 'atheism'],
  },
  ethnicity: {
    african: ['african', 'africans'],
    asian: ['asian', 'asians'],
    european: ['european', 'europeans'],
    hispanic: ['hispanic', 'latino', 'latina', 'latinx'],
    indigenous: ['indigenous', 'aboriginal', 'native american'],
  },
  age: {
    young: ['young', 'youth', 'teenager', 'teenagers', 'teen', 'kids'],
    old: ['elderly', 'old people', 'seniors', 'aged', 'retiree', 'retirees'],
  },
};

const CAVEAT = 'Word counts, not judgements: a word can have other senses ("her" as an object, "aged" cheese), and what a fair balance is depends on your task.';
const GROUP_CAVEATS: Record<string, string> = {
  gender: 'Counts pronouns and nouns; "they" is often plural rather than neutral.',
  ethnicity: 'Colour words (black, white) are not counted: they mostly mean colours.',
};

interface Member {
  name: string;
  words: Map<string, number>;
  phrases: string[][];
  count: number;
  records: number;
}

export class DemographicsAnalysis {
  private readonly groups: { name: string; members: Member[] }[];
  private readonly index = new Map<string, { member: Member; term: string }[]>();

  constructor(config?: ReportConfig) {
    const lists = { ...DEFAULT_TERMS, ...(config?.terms ?? {}) };
    this.groups = Object.entries(lists).map(([name, members]) => ({
      name,
      members: Object.entries(members).map(([m, words]) => {
        const member: Member = { name: m, words: new Map(), phrases: [], count: 0, records: 0 };
        for (const w of words) {
          const parts = w.toLowerCase().split(/\s+/).filter(Boolean);
          member.words.set(parts.join(' '), 0);
          const first = parts[0];
          if (first) (this.index.get(first) ?? this.index.set(first, []).get(first)!).push({ member, term: parts.join(' ') });
          if (parts.length > 1) member.phrases.push(parts);
        }
        return member;
      }),
    }));
  }

  add(r: ReportInput): void {
    const hit = new Set<Member>();
    for (const words of [r.promptWords, r.responseWords]) {
      for (let i = 0; i < words.length; i++) {
        const entries = this.index.get(words[i]);
        if (!entries) continue;
        for (const { member, term } of entries) {
          const n = term.split(' ');
          if (n.length > 1 && words.slice(i, i + n.length).join(' ') !== term) continue;
          member.words.set(term, member.words.get(term)! + 1);
          member.count++;
          hit.add(member);
        }
      }
    }
    for (const m of hit) m.records++;
  }

  result(): DemographicsReport {
    const gender = this.groups.find((g) => g.name === 'gender');
    const masc = gender?.members.find((m) => m.name === 'masculine')?.count ?? 0;
    const fem = gender?.members.find((m) => m.name === 'feminine')?.count ?? 0;
    return {
      caveat: CAVEAT,
      genderRatio: fem ? Math.round((masc / fem) * 100) / 100 : undefined,
      groups: this.groups.map((g) => ({
        name: g.name,
        caveat: GROUP_CAVEATS[g.name],
        members: g.members.map((m) => ({
          group: m.name,
          count: m.count,
          records: m.records,
          terms: [...m.words].filter(([, c]) => c > 0).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([term, count]) => ({ term, count })),
        })),
      })),
    };
  }
}
