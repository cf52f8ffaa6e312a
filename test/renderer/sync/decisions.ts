import type { Decision } from '../../../src-shared/model';

/** Two editors' decisions on the same split: 甲 rejected it, 乙 approved it. */
export const rejected: Decision = {
  id: 'p1|split@120',
  pageId: 'p1',
  key: 'split@120',
  who: '甲',
  at: 1_700_000_000_000,
  action: { type: 'split', chunkStart: 120, status: 'rejected' },
};
export const approved: Decision = {
  ...rejected,
  who: '乙',
  action: { type: 'split', chunkStart: 120, status: 'approved' },
};
