import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng, roughen, sourceBlocks } from './corpus';

/** Pages for the pipeline benchmarks, made from the seeds' own text. */
const seedsDir = fileURLToPath(new URL('../seeds', import.meta.url));
const encoder = new TextEncoder();

function seedTexts(): string[] {
  return readdirSync(seedsDir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => readFileSync(join(seedsDir, file), 'utf8'));
}

/** The seeds end to end, cut at the last blank line before `bytes`: one page of real noise. */
export function seedPage(bytes: number): string {
  const all = seedTexts().join('\n\n');
  let cut = all.lastIndexOf('\n\n');
  while (encoder.encode(all.slice(0, cut)).length > bytes) cut = all.lastIndexOf('\n\n', cut - 1);
  return `${all.slice(0, cut)}\n`;
}

const SENTENCE_END = /(?<=[。！？])/;
const REPORTERS = ['苏文保', '陈训煜', '吴菲', '冯雪', '李明', '王芳', '张伟', '刘洋'];

/**
 * One very large page of many short articles (issue 18: 14,900 of them made a 7.9 MB page): the
 * seeds' headlines and sentences with the corpus' noise, so dedupe, join and strip all have work.
 * The same count and seed give the same text.
 */
export function shortArticlesPage(articles: number, seed = 7): string {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const blocks = seedTexts()
    .flatMap(sourceBlocks)
    .map((block) => block.replace(/^[#\-\s]+/, ''));
  const titles = blocks.filter((block) => block.length >= 6 && block.length <= 24 && !/[。,，:：()（）]/.test(block));
  const sentences = blocks
    .flatMap((block) => block.split(SENTENCE_END))
    .filter((s) => s.length >= 20 && s.length <= 90 && s.endsWith('。'));
  const out: string[] = [];
  for (let i = 0; i < articles; i++) {
    out.push(pick(titles));
    const lead = `本报讯 ${pick(sentences)}${pick(sentences)}`;
    out.push(...roughen(lead, random));
    if (random() < 0.5) out.push(...roughen(pick(sentences), random));
    out.push(`(本报记者 ${pick(REPORTERS)})`);
  }
  return `${out.join('\n\n')}\n`;
}
