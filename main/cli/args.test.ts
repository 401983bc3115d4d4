import { describe, expect, it } from 'vitest';
import { parseIdeArgs } from './args';

describe('stratos ide arguments', () => {
  it('parses every documented flag', () => {
    expect(parseIdeArgs(['ide', '--web', '--port', '8080', '--workspace', 'k', '--no-open'])).toEqual({
      web: true,
      port: 8080,
      workspace: 'k',
      open: false,
      help: false,
    });
    expect(parseIdeArgs(['--port=0']).port).toBe(0);
  });

  it('refuses unknown flags and bad ports', () => {
    expect(() => parseIdeArgs(['--wbe'])).toThrow("unknown option '--wbe'");
    expect(() => parseIdeArgs(['--port', '70000'])).toThrow('--port must be');
    expect(() => parseIdeArgs(['--port'])).toThrow('needs a value');
  });
});
