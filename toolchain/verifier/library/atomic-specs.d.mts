/** The text of library/vstd/atomic.rs (see atomic-specs.mjs). */
export function atomicSpecsText(): string;
