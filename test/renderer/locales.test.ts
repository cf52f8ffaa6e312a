import { describe, expect, it } from 'vitest';

const locales = import.meta.glob<Record<string, unknown>>('../../src-renderer/i18n/locales/*/*.json', {
  import: 'default',
  eager: true,
});

/** Every message as `language/namespace:key.path`, with its text. */
function messages(): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  const walk = (prefix: string, value: unknown) => {
    if (typeof value === 'string') found.push([prefix, value]);
    else if (value && typeof value === 'object')
      for (const [key, inner] of Object.entries(value))
        walk(`${prefix}${prefix.endsWith(':') ? '' : '.'}${key}`, inner);
  };
  for (const [path, strings] of Object.entries(locales)) {
    const [, language, namespace] = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path)!;
    walk(`${language}/${namespace}:`, strings);
  }
  return found;
}

describe('locale messages', () => {
  it('should not build a sentence around an error reason: the error is shown apart, as technical detail', () => {
    // A restore's reason is itself a translated message (scale:restore.problem.*), never an error's text.
    const withReason = messages()
      .filter(([, text]) => text.includes('{{reason}}'))
      .map(([key]) => key);
    expect(withReason.sort()).toEqual(['en/scale:restore.failed', 'zh/scale:restore.failed']);
  });
});
