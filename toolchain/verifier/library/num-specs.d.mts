/** The text of library/vstd/num.rs (see num-specs.mjs). */
export function numSpecsText(): string;
