import { describe, expect, it } from 'vitest';
import { attrTreatment, hasExternalBody, hasVerifierAttr } from './attributes';

describe('attrTreatment', () => {
  it("makes vstd's auto_spec crate-wide: other functions' spec calls of the fn depend on it", () => {
    expect(attrTreatment('vstd::contrib::auto_spec', 'fn')).toBe('crate');
    expect(attrTreatment('auto_spec', 'fn')).toBe('crate');
    expect(attrTreatment('derive(Clone)', 'type')).toBe('ok');
    expect(attrTreatment('some_macro::other', 'fn')).toBe('item');
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
