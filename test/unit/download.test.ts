import { describe, expect, it } from 'vitest';
import { utf8Base64 } from '../../src/background/download';

describe('utf8Base64', () => {
  it('encodes the UTF-8 bytes of any text, also past one chunk', () => {
    const text = `Ünïcödé עברית 🦙 </script> ${'x'.repeat(100_000)}`;
    expect(Buffer.from(utf8Base64(text), 'base64').toString('utf8')).toBe(text);
  });
});
