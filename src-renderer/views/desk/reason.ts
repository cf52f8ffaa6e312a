import type { TFunction } from 'i18next';
import { EDITOR_SPLIT_REASON } from '../../../src-shared/review';

/**
 * A scored split names its strongest features (`+lead-follows -after-cut`: for, against); each
 * is shown in the editor's language, as is the reason of a split the editor made. One stored by
 * an older version is shown as written.
 */
export function describeReason(reason: string, t: TFunction<'desk'>): string {
  if (reason === EDITOR_SPLIT_REASON) return t('decide.editorSplit');
  const features = reason.split(' ').map((token) => /^([+-])([a-z]+(?:-[a-z]+)*)$/.exec(token));
  if (features.length === 0 || features.some((match) => !match)) return reason;
  return features
    .map((match) =>
      t(match![1] === '+' ? 'decide.for' : 'decide.against', {
        feature: t(`decide.feature.${match![2]}`, { defaultValue: match![2] }),
      }),
    )
    .join(' · ');
}
