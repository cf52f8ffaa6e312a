import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOUNDARY_FEATURES } from '../../src-shared/pipeline/decide/boundary';
import { CONTINUATION_FEATURES } from '../../src-shared/pipeline/decide/continuation';
import { bindModel, type Feature, type WeightFile } from '../../src-shared/pipeline/decide/model';
import { REPEAT_FEATURES } from '../../src-shared/pipeline/decide/repeat';
import { TITLE_FEATURES } from '../../src-shared/pipeline/decide/title';
import { CAPTION_FEATURES } from '../../src-shared/pipeline/decide/caption';

const WEIGHTS = join(import.meta.dirname, '../../src-shared/pipeline/decide/weights');
const DECISIONS: Record<string, readonly Feature<never>[]> = {
  title: TITLE_FEATURES,
  caption: CAPTION_FEATURES,
  boundary: BOUNDARY_FEATURES,
  repeat: REPEAT_FEATURES,
  continuation: CONTINUATION_FEATURES,
};

describe('fitted weights', () => {
  it('should hold one weight file per decision and none else', () => {
    expect(readdirSync(WEIGHTS).sort()).toEqual(
      Object.keys(DECISIONS)
        .map((name) => `${name}.json`)
        .sort(),
    );
  });

  for (const [decision, features] of Object.entries(DECISIONS)) {
    it(`should have weights for ${decision} fitted on its feature list`, () => {
      const file = JSON.parse(readFileSync(join(WEIGHTS, `${decision}.json`), 'utf8')) as WeightFile;
      expect(file.decision).toBe(decision);
      expect(() => bindModel(features, file)).not.toThrow();
      for (const value of [...file.weights, file.bias]) expect(Number.isFinite(value)).toBe(true);
      expect(file.fit.examples).toBeGreaterThan(file.fit.positives);
      expect(file.fit.positives).toBeGreaterThan(0);
    });
  }

  it('should give every feature of a decision its own name', () => {
    for (const features of Object.values(DECISIONS)) {
      const ids = features.map((feature) => feature.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    }
  });
});
