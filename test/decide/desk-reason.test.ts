import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { BOUNDARY_FEATURES } from '../../src-shared/pipeline/decide/boundary';
import { CONTINUATION_FEATURES } from '../../src-shared/pipeline/decide/continuation';
import { REPEAT_FEATURES } from '../../src-shared/pipeline/decide/repeat';
import { TITLE_FEATURES } from '../../src-shared/pipeline/decide/title';
import { CAPTION_FEATURES } from '../../src-shared/pipeline/decide/caption';
import en from '../../src-renderer/i18n/locales/en/desk.json';
import zh from '../../src-renderer/i18n/locales/zh/desk.json';
import { describeReason } from '../../src-renderer/views/desk/reason';
import { EDITOR_SPLIT_REASON } from '../../src-shared/review';

const t = (language: 'en' | 'zh') => {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: { en: { desk: en }, zh: { desk: zh } },
    lng: language,
    ns: ['desk'],
    defaultNS: 'desk',
    initAsync: false,
    showSupportNotice: false,
  });
  return i18n.getFixedT(language, 'desk');
};

describe('a split’s reason in the desk', () => {
  it('should name every feature of the decisions in Chinese and English', () => {
    for (const feature of [
      ...TITLE_FEATURES,
      ...CAPTION_FEATURES,
      ...BOUNDARY_FEATURES,
      ...REPEAT_FEATURES,
      ...CONTINUATION_FEATURES,
    ]) {
      expect(typeof (zh.decide.feature as Record<string, string>)[feature.id], feature.id).toBe('string');
      expect(typeof (en.decide.feature as Record<string, string>)[feature.id], feature.id).toBe('string');
    }
  });

  it('should translate the features for and against', () => {
    expect(describeReason('+lead-follows -after-cut', t('en'))).toBe(
      'a 本报讯 lead follows · against: the text above breaks off mid-sentence',
    );
    expect(describeReason('+after-credit', t('zh'))).toBe('前文以署名结束');
  });

  it('should name a split the editor made in the interface language', () => {
    expect(describeReason(EDITOR_SPLIT_REASON, t('zh'))).toBe('编辑分篇');
    expect(describeReason(EDITOR_SPLIT_REASON, t('en'))).toBe('split by the editor');
  });

  it('should show a reason stored before the decisions were scored as written', () => {
    expect(describeReason('headline followed by 本报讯 lead', t('en'))).toBe('headline followed by 本报讯 lead');
  });
});
