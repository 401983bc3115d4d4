import { describe, expect, it } from 'vitest';
import { print } from './smt';
import { QidSites, qidSymbol, qidText, qidsIn, quantifier, withoutQids } from './qid';

describe('qids', () => {
  it('name a source quantifier by its item and its position inside the item', () => {
    expect(qidText({ k: 'source', what: 'forall', item: 'Kernel::wf', line: 4, column: 13 })).toBe('forall:Kernel::wf+4:13');
    expect(qidText({ k: 'source', what: 'exists', item: 'f', line: 0, column: 70 })).toBe('exists:f+0:70');
  });
  it('name spec fn definitions and axioms', () => {
    expect(qidText({ k: 'spec-fn', fn: 'page_addr' })).toBe('spec:page_addr');
    expect(qidText({ k: 'spec-fn', fn: 'len', fuel: true })).toBe('spec-fuel:len');
    expect(qidText({ k: 'axiom', name: 'Seq<Int>.sub' })).toBe('axiom:Seq<Int>.sub');
    expect(qidText({ k: 'type-inv', ty: 'Seq<Int>', of: '(|Kernel.runq| |k@3|)' })).toBe('inv:Seq<Int>@(Kernel.runq_k@3)');
  });
  it('are SMT-LIB quoted symbols without white space (z3 splits its profile lines on " : ")', () => {
    expect(qidSymbol({ k: 'axiom', name: 'a|b\\c d\te' })).toBe('|axiom:a_b_c_d_e|');
  });
  it('are the last attribute of the one quantifier builder', () => {
    const q = quantifier('forall', [['x', 'Int']], ['>', ['f', 'x'], '0'], [[['f', 'x']], [['g', 'x'], ['h', 'x']]], { k: 'axiom', name: 'pos' });
    expect(print(q)).toBe('(forall ((x Int)) (! (> (f x) 0) :pattern ((f x)) :pattern ((g x) (h x)) :qid |axiom:pos|))');
    expect(() => quantifier('exists', [['x', 'Int']], 'true', [], { k: 'axiom', name: 'none' })).toThrow(/pattern/);
  });
  it('can be listed and left out (nested quantifiers too) without touching anything else', () => {
    const inner = quantifier('exists', [['y', 'Int']], ['=', ['f', 'y'], 'x'], [[['f', 'y']]], { k: 'source', what: 'exists', item: 'g', line: 1, column: 2 });
    const outer = quantifier('forall', [['x', 'Int']], ['=>', ['p', 'x'], inner], [[['p', 'x']]], { k: 'source', what: 'forall', item: 'g', line: 1, column: 1 });
    expect(qidsIn(outer)).toEqual(['exists:g+1:2', 'forall:g+1:1']); // (in the order of the text)
    expect(print(withoutQids(outer))).toBe('(forall ((x Int)) (! (=> (p x) (exists ((y Int)) (! (= (f y) x) :pattern ((f y))))) :pattern ((p x))))');
    // a symbol spelled `:qid` outside an attribute list is not an attribute
    expect(withoutQids(['f', ':qid', 'x'])).toEqual(['f', ':qid', 'x']);
  });
  it('sites: the first site noted for a qid is kept', () => {
    const sites = new QidSites();
    const o = { k: 'spec-fn' as const, fn: 'f' };
    sites.note(o, { file: 'a.rs', sp: { start: 1, end: 2 } });
    sites.note(o, { file: 'b.rs', sp: { start: 3, end: 4 } });
    sites.note({ k: 'axiom', name: 'x' }, null);
    expect(sites.get('spec:f')).toEqual({ file: 'a.rs', sp: { start: 1, end: 2 } });
    expect(sites.get('axiom:x')).toBeUndefined();
  });
});
