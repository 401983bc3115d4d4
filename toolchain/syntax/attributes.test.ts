import { describe, expect, it } from 'vitest';
import { attrTreatment, hasExternalBody, hasVerifierAttr, malformedVerifierAttr, verusAttrOutside } from './attributes';

describe('attrTreatment', () => {
  it("reads vstd's auto_spec on a function (the parser gives it its meaning), nowhere else", () => {
    expect(attrTreatment('vstd::contrib::auto_spec', 'fn')).toBe('ok');
    expect(attrTreatment('auto_spec', 'fn')).toBe('ok');
    expect(attrTreatment('auto_spec', 'type')).toBe('item');
    expect(attrTreatment('derive(Clone)', 'type')).toBe('ok');
    expect(attrTreatment('some_macro::other', 'fn')).toBe('item');
    // a silenced warning has no meaning; another `allow` is not known
    expect(attrTreatment('verifier::allow(decreases_when_exec_allows_no_decreases_clause)', 'fn')).toBe('ok');
    expect(attrTreatment('verifier(allow(assert_forall_implication))', 'stmt')).toBe('ok');
    expect(attrTreatment('verifier::allow(assert_forall_implication)', 'type')).toBe('item');
    expect(attrTreatment('verifier::allow(something_else)', 'fn')).toBe('crate');
  });
});

describe('attribute lookups', () => {
  it('finds a verifier attribute in either spelling, and only that one', () => {
    expect(hasVerifierAttr(['verifier::assume_termination'], 'assume_termination')).toBe(true);
    expect(hasVerifierAttr(['verifier(exec_allows_no_decreases_clause)'], 'exec_allows_no_decreases_clause')).toBe(true);
    expect(hasVerifierAttr(['verifier::rlimit(20)'], 'rlimit')).toBe(true);
    expect(hasVerifierAttr(['verifier::assume_termination_x', 'derive(Clone)'], 'assume_termination')).toBe(false);
    expect(hasVerifierAttr(undefined, 'opaque')).toBe(false);
  });

  it('a trusted item carries external_body', () => {
    expect(hasExternalBody(['verifier::external_body'])).toBe(true);
    expect(hasExternalBody(['verifier(external_body)'])).toBe(true);
    expect(hasExternalBody(['verifier::opaque'])).toBe(false);
    expect(hasExternalBody(undefined)).toBe(false);
  });
});

describe('malformedVerifierAttr', () => {
  it("gives Verus's error for a verifier attribute it cannot read, and nothing for well-formed ones", () => {
    expect(malformedVerifierAttr('verifier:ext_equal')).toBe('unexpected token, expected `]`');
    expect(malformedVerifierAttr('verifier(external),verifier(external_body)')).toBe('unexpected token, expected `]`');
    expect(malformedVerifierAttr('verifier("something")')).toBe('unrecognized verifier attribute');
    expect(malformedVerifierAttr('verifier(is_variant)')).toBe('unrecognized verifier attribute');
    expect(malformedVerifierAttr('verifier(wat,wat)')).toBe('unrecognized verifier attribute');
    expect(malformedVerifierAttr('verifier(external_body,rlimit(10))')).toBeNull();
    for (const ok of ['verifier::ext_equal', 'verifier(external_body)', 'verifier::rlimit(10)', 'is_variant', 'verifier::loop_isolation(false)', 'verifier::reject_recursive_types(A)']) expect(malformedVerifierAttr(ok)).toBeNull();
  });
});

describe('verusAttrOutside', () => {
  it("reads `cfg_attr(verus_keep_ghost, feature(..))` as rustc's feature gate, not Verus code", () => {
    expect(verusAttrOutside('cfg_attr(verus_keep_ghost, feature(f16))')).toBe(false);
    expect(verusAttrOutside('cfg_attr(verus_keep_ghost,feature(extern_types))')).toBe(false);
    expect(verusAttrOutside('cfg_attr(verus_keep_ghost, verus_spec(ensures x == 0))')).toBe(true);
  });
});
