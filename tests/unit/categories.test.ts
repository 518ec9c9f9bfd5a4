/**
 * Category paths read one way everywhere (shared/categories.ts): the trail of ancestors the
 * feed builder writes as records, the counts add up over and the renderer shows as breadcrumbs;
 * a category's name, parent and top.
 */
import { describe, expect, it } from 'vitest';
import { categoryLabel, categoryName, categoryTrail, parentCategory, topCategory } from '../../shared/categories';
import { countByCategory, categoryCountKey } from '../../shared/counts';
import { categoriesOf } from '../../electron/core/feed/content';

describe('a category path', () => {
  it('has a trail of its ancestors, top first, ending with itself', () => {
    expect(categoryTrail('채팅/메시지/삭제')).toEqual(['채팅', '채팅/메시지', '채팅/메시지/삭제']);
    expect(categoryTrail('계정')).toEqual(['계정']);
  });

  it('names its top, its parent and itself', () => {
    expect([topCategory('채팅/메시지/삭제'), parentCategory('채팅/메시지/삭제'), categoryName('채팅/메시지/삭제')]).toEqual(['채팅', '채팅/메시지', '삭제']);
    expect([topCategory('계정'), parentCategory('계정'), categoryName('계정')]).toEqual(['계정', null, '계정']);
  });

  it('reads as people read it', () => {
    expect(categoryLabel('채팅/메시지')).toBe('채팅 › 메시지');
    expect(categoryLabel('계정')).toBe('계정');
  });
});

describe('the trail, wherever paths are walked', () => {
  const articles = [
    { id: 'a', locale: 'ko', category: '채팅/메시지/삭제', group: null },
    { id: 'b', locale: 'ko', category: '채팅/사진', group: null },
    { id: 'c', locale: 'en', category: 'Chats/Messages', group: null },
  ];

  it('gives the feed a record for every category and each ancestor, once, in first-seen order per locale', () => {
    expect(categoriesOf(articles).map((c) => `${c.locale}:${c.path}:${c.position}`)).toEqual([
      'ko:채팅:0', 'ko:채팅/메시지:1', 'ko:채팅/메시지/삭제:2', 'ko:채팅/사진:3', 'en:Chats:4', 'en:Chats/Messages:5',
    ]);
  });

  it('counts an article in its category and every ancestor', () => {
    const counts = countByCategory(articles);
    expect(counts.get(categoryCountKey('ko', '채팅'))?.articles).toBe(2);
    expect(counts.get(categoryCountKey('ko', '채팅/메시지'))?.articles).toBe(1);
    expect(counts.get(categoryCountKey('ko', '채팅/메시지/삭제'))?.articles).toBe(1);
    expect(counts.get(categoryCountKey('en', 'Chats'))?.articles).toBe(1);
    expect(counts.size).toBe(6);
  });
});
