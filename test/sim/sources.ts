import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { GoldArticle, GoldPage } from '../eval/evaluate';

/**
 * The clean material pages are composed from: the articles editors cleaned by hand in the
 * annotated fixtures, and page furniture of the kinds page-anatomy.md lists. Only gold text is
 * used, never raw text, so no pipeline rule can have been tuned on a simulated page's noise.
 */
const GOLD_DIRS = ['../fixtures/eval', '../fixtures/eval-blind'].map((dir) =>
  fileURLToPath(new URL(dir, import.meta.url)),
);

function readGoldPages(): GoldPage[] {
  return GOLD_DIRS.flatMap((dir) =>
    readdirSync(dir)
      .filter((file) => file.endsWith('.gold.json'))
      .sort()
      .map((file) => JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as GoldPage),
  );
}

const goldPages = readGoldPages();

/**
 * Each article once (some pages share one), in a fixed order so seeds stay reproducible. An
 * article without a title (the end of one continued from the page before) cannot open a page's article.
 */
export const SOURCE_ARTICLES: readonly GoldArticle[] = (() => {
  const seen = new Set<string>();
  return goldPages
    .flatMap((page) => page.articles)
    .filter((article) => {
      if (
        !article.title.trim() ||
        seen.has(article.title) ||
        !article.blocks.some((block) => block.type === 'paragraph')
      )
        return false;
      seen.add(article.title);
      return true;
    });
})();

/** Column names with their pinyin, as banners print them. */
export const SECTIONS: readonly { name: string; pinyin: string }[] = [
  ['地方科协', 'DI FANG KE XIE'],
  ['地方动态', 'DI FANG DONG TAI'],
  ['学会改革先行者', 'XUE HUI GAI GE XIAN XING ZHE'],
  ['科普之窗', 'KE PU ZHI CHUANG'],
  ['基层组织', 'JI CENG ZU ZHI'],
  ['科普园地', 'KE PU YUAN DI'],
  ['科普惠民', 'KE PU HUI MIN'],
  ['学会之窗', 'XUE HUI ZHI CHUANG'],
  ['学会动态', 'XUE HUI DONG TAI'],
  ['县域科普', 'XIAN YU KE PU'],
  ['专家服务', 'ZHUAN JIA FU WU'],
  ['农技推广', 'NONG JI TUI GUANG'],
  ['院士专家', 'YUAN SHI ZHUAN JIA'],
  ['基层科协', 'JI CENG KE XIE'],
  ['科普动态', 'KE PU DONG TAI'],
  ['院士风采', 'YUAN SHI FENG CAI'],
].map(([name, pinyin]) => ({ name, pinyin }));

const furniture = goldPages.flatMap((page) => page.furniture);

/** Sponsor names (`…科学技术协会`) as the sponsor lists print them. */
export const SPONSORS: readonly string[] = [
  ...new Set(
    furniture.flatMap((text) => text.split(/\s+/)).filter((name) => /^\p{Script=Han}{2,}科学技术协会$/u.test(name)),
  ),
].sort();

/** `栏目协办:…` column sponsor lines. */
export const COLUMN_SPONSORS: readonly string[] = [
  ...new Set(furniture.filter((text) => text.startsWith('栏目协办'))),
].sort();

export const PROMO = ['欢迎关注', '“四川科技报”微信公众号'] as const;
export const SPONSOR_HEADING = ['本版协办单位', '(排名不分先后)'] as const;
