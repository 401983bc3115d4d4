import { describe, expect, it } from 'vitest';
import { attrTreatment } from './attributes';

describe('attrTreatment', () => {
  it("makes vstd's auto_spec crate-wide: other functions' spec calls of the fn depend on it", () => {
    expect(attrTreatment('vstd::contrib::auto_spec', 'fn')).toBe('crate');
    expect(attrTreatment('auto_spec', 'fn')).toBe('crate');
    expect(attrTreatment('derive(Clone)', 'type')).toBe('ok');
    expect(attrTreatment('some_macro::other', 'fn')).toBe('item');
  });
});
