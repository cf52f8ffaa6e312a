import { describe, expect, it } from 'vitest';
import { parseChannelArgs } from '../../src-shared/ipc/schemas';

const bytes = new Uint8Array([0xe4, 0xb8, 0xad]);
const request = { suggestedName: 'approved.zip', files: [{ name: 'a.txt', data: bytes }] };

describe('parseChannelArgs', () => {
  it.each([
    ['seeds.list', []],
    ['files.open', []],
    ['files.save', [request]],
    [
      'files.save',
      [
        {
          suggestedName: 'pages',
          files: [
            { name: 'a/b.txt', data: bytes },
            { name: 'c.txt', data: new Uint8Array() },
          ],
        },
      ],
    ],
  ] as const)('should accept valid %s arguments', (channel, args) => {
    expect(parseChannelArgs(channel, args)).toEqual({ ok: true, args });
  });

  it.each([
    ['seeds.list', ['extra']],
    ['seeds.list', undefined],
    ['files.open', [{ path: '/etc' }]],
    ['files.save', []],
    ['files.save', [request, 'extra']],
    ['files.save', ['request']],
    ['files.save', [{ ...request, files: [] }]],
    ['files.save', [{ ...request, suggestedName: '' }]],
    ['files.save', [{ ...request, suggestedName: 'x'.repeat(256) }]],
    ['files.save', [{ ...request, files: [{ name: 'a.txt', data: 'text, not bytes' }] }]],
    ['files.save', [{ ...request, files: [{ name: 'a.txt', data: [1, 2, 3] }] }]],
    ['files.save', [{ ...request, files: [{ name: '', data: bytes }] }]],
    ['files.save', [{ ...request, files: [{ name: 42, data: bytes }] }]],
    ['files.save', [{ ...request, files: [{ name: 'a.txt', data: bytes, path: '/etc/passwd' }] }]],
    ['files.save', [{ ...request, directory: '/etc' }]],
  ] as const)('should refuse %s with %o', (channel, args) => {
    const result = parseChannelArgs(channel, args);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(new RegExp(`^invalid arguments for ${channel.replace('.', '\\.')}`));
  });

  it('should name the offending field', () => {
    const result = parseChannelArgs('files.save', [{ ...request, files: [{ name: 'a.txt', data: 'x' }] }]);
    expect(!result.ok && result.reason).toContain('at 0.files.0.data');
  });
});
