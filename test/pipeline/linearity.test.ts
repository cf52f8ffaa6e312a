import { describe, expect, it, vi } from 'vitest';
import { analyzePage } from '../../src-shared/pipeline';
import { seedPage, shortArticlesPage } from '../../bench/pages';

/**
 * The pipeline's cost stays linear in the page's size (issue 13: a page of 15,000 short articles
 * may cost at most twice per byte what a normal page costs). Time is no measure in a test on a
 * shared machine, so this counts work instead: every call into the helpers the stages share (the
 * page view's predicates, the text and cue tests, the relocation helpers), each wrapped in a
 * counter. A stage that walks back over its article for every block calls a helper at each step,
 * so a walk that grows with the article shows as calls per byte that grow with the page.
 */
const { calls, counted } = vi.hoisted(() => {
  const calls = new Map<string, number>();
  /** The module with each of its functions counting its calls under `module.name`. */
  function counted<Module extends Record<string, unknown>>(module: string, exports: Module): Module {
    const wrapped: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value !== 'function' || /^class\b/.test(Function.prototype.toString.call(value))) {
        wrapped[name] = value;
        continue;
      }
      const key = `${module}.${name}`;
      const original = value as (...args: unknown[]) => unknown;
      wrapped[name] = function (this: unknown, ...args: unknown[]) {
        calls.set(key, (calls.get(key) ?? 0) + 1);
        return original.apply(this, args);
      };
    }
    return wrapped as Module;
  }
  return { calls, counted };
});

vi.mock('../../src-shared/pipeline/draft', async (load) => counted('draft', await load()));
vi.mock('../../src-shared/pipeline/text', async (load) => counted('pipeline/text', await load()));
vi.mock('../../src-shared/pipeline/cues', async (load) => counted('cues', await load()));
vi.mock('../../src-shared/pipeline/relocate', async (load) => counted('relocate', await load()));
vi.mock('../../src-shared/text', async (load) => counted('text', await load()));

/** Calls per character of the page, by helper. */
function workPerChar(raw: string): Map<string, number> {
  calls.clear();
  analyzePage(raw);
  return new Map([...calls].map(([helper, count]) => [helper, count / raw.length]));
}

const total = (work: ReadonlyMap<string, number>) => [...work.values()].reduce((sum, value) => sum + value, 0);

/** Issue 13's bound: work per byte on the page of many short articles over a normal page's. */
const PER_BYTE_BOUND = 2;
/**
 * Calls per character of one helper on a page 4× larger of the same kind: a loop that walks over
 * its article for every block grows towards 4× (3× here before displaced's ownParagraphs read the
 * page in one pass); the pages' make-up, and relocate's bigram cache overflowing on pages of more
 * than 4,096 blocks, move a linear helper by up to 1.6×.
 */
const GROWTH_BOUND = 2;
/** Helpers called less often than this per character are too rare for a ratio to mean anything. */
const RARE = 0.005;

describe('pipeline: work grows linearly with the page', () => {
  const normal = workPerChar(seedPage(15 * 1024));
  const smaller = workPerChar(shortArticlesPage(1_000));
  const larger = workPerChar(shortArticlesPage(4_000));

  it('should spend no more than twice the work per byte on a page of many short articles as on a normal page', () => {
    expect(total(larger) / total(normal)).toBeLessThanOrEqual(PER_BYTE_BOUND);
  });

  it('should call no helper more often per byte on a page four times as large', () => {
    const growing = [...larger]
      .filter(([, perChar]) => perChar >= RARE)
      .map(([helper, perChar]) => ({ helper, growth: perChar / (smaller.get(helper) ?? 0) }))
      .filter(({ growth }) => growth > GROWTH_BOUND);
    expect(growing).toEqual([]);
  });
});
