/** See fingerprint.mjs: the hash of the verifier's sources under `verifierDir` (toolchain/verifier). */
export function sourceFingerprint(verifierDir: string): string;
