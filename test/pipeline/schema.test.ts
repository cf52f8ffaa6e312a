import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageResultJsonSchema, pageResultSchema } from '../../src-shared/pipeline/result-schema';
import { golden } from '../golden';

const root = join(__dirname, '../..');
const schemaPath = join(root, 'src-shared/pipeline/page-result.schema.json');

describe('page result JSON Schema', () => {
  it('should publish the schema generated from the zod contract', () => {
    const generated = `${JSON.stringify(pageResultJsonSchema(), null, 2)}\n`;
    expect(golden(schemaPath, generated, 'UPDATE=1 npx vitest run test/pipeline/schema.test.ts')).toBe(generated);
  });

  it('should validate the real CLI output for every seed and fixture', () => {
    const inputs = [
      'seeds/000_72052502c9dc2eec.txt',
      'seeds/003_feb7e2b1474b1bef.txt',
      'test/fixtures/pipeline/crlf.raw.txt',
      'test/fixtures/pipeline/empty-page.raw.txt',
    ];
    const stdout = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'src-cli/index.ts', 'clean', ...inputs, '--format', 'json'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    const results = JSON.parse(stdout) as unknown[];
    expect(results).toHaveLength(inputs.length);
    results.forEach((result, i) => {
      const parsed = pageResultSchema.safeParse(result);
      expect(parsed.success, parsed.error?.message).toBe(true);
      expect((result as { source: string }).source).toBe(inputs[i].split('/').pop());
    });
  }, 30_000);
});
