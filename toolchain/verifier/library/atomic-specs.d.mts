/** The text of library/vstd/atomic.rs (see atomic-specs.mjs). */
export function atomicSpecsText(): string;
/** The text of library/vstd/atomic_raw_ptr.rs (see atomic-specs.mjs). */
export function atomicPtrSpecsText(): string;
/** The text of library/vstd/atomic_ghost.rs (see atomic-specs.mjs). */
export function atomicGhostSpecsText(): string;
/** The text of library/vstd/atomic_ghost_ptr.rs (see atomic-specs.mjs). */
export function atomicGhostPtrSpecsText(): string;
