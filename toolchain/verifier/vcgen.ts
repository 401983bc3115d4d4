// Verification-condition generation: see ./vcgen/ (one concern per module) and ./vcgen/index.ts.
export * from './vcgen/index';
