// Rust highlighting extended with Verus: Monaco's own Rust grammar plus the specification and
// proof keywords and operators, as their own token classes so themes can tell ghost code apart.
import type { languages } from './monaco';

export const VERUS_LANGUAGE_ID = 'verus-rust';

export const verusKeywords = [
  'requires', 'ensures', 'recommends', 'invariant', 'decreases', 'spec', 'proof', 'ghost', 'tracked',
  'forall', 'exists', 'old', 'assert', 'assume', 'open', 'closed', 'opens_invariants', 'reveal',
  'reveal_with_fuel', 'choose', 'implies', 'int', 'nat', 'Ghost', 'Tracked', 'Seq', 'Set', 'Map',
] as const;

/** Longest first, so `<==>` is not read as `<==` followed by `>`. */
export const verusOperators = ['<==>', '==>', '<==', '&&&', '|||', '=~=', '!~='] as const;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function verusLanguage(rust: languages.IMonarchLanguage & Record<string, unknown>): languages.IMonarchLanguage {
  const tokenizer = rust.tokenizer as Record<string, languages.IMonarchLanguageRule[]>;
  const root = tokenizer.root!.map((rule) => {
    // Monaco's identifier rule maps words through `cases`; Verus words get their own class first.
    if (Array.isArray(rule) && typeof rule[1] === 'object' && rule[1] !== null && 'cases' in rule[1]) {
      const cases = (rule[1] as { cases: Record<string, string> }).cases;
      return [rule[0], { cases: { '@verusKeywords': 'keyword.verus', ...cases } }] as languages.IMonarchLanguageRule;
    }
    return rule;
  });
  const operatorRule: languages.IMonarchLanguageRule = [
    new RegExp(verusOperators.map(escapeRegExp).join('|')),
    'operator.verus',
  ];
  const attributeRule: languages.IMonarchLanguageRule = [/#\[\s*(trigger|verifier::[a-z_]+(\([a-z_]+\))?)\s*\]/, 'annotation.verus'];
  return {
    ...rust,
    tokenPostfix: '.verus',
    verusKeywords: [...verusKeywords],
    tokenizer: { ...tokenizer, root: [attributeRule, operatorRule, ...root] },
  } as languages.IMonarchLanguage;
}
