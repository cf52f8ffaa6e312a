import { describe, expect, it } from 'vitest';
import { teamConflict } from '../../../src-renderer/sync/conflicts';
import { decisionDocument } from '../../../src-renderer/sync/documents';
import { approved, rejected } from './decisions';

describe('teamConflict', () => {
  it("should list every revision's decision with its author, the winner first", () => {
    const conflict = teamConflict([
      { ...decisionDocument(approved), _rev: '2-b' },
      { ...decisionDocument(rejected), _rev: '2-a' },
    ]);
    expect(conflict).toEqual({
      id: rejected.id,
      pageId: 'p1',
      versions: [
        { rev: '2-b', decision: approved },
        { rev: '2-a', decision: rejected },
      ],
    });
  });
});
