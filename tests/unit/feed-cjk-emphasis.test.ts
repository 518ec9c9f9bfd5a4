import { describe, expect, it } from 'vitest';
import { Marked } from 'marked';
import { strongForCjk } from '../../electron/core/feed/cjk-emphasis';

const render = (markdown: string): string => new Marked({ gfm: true, async: false }).parse(strongForCjk(markdown)) as string;

describe('bold text before Korean particles', () => {
  it('closes bold after punctuation followed by a particle', () => {
    expect(render('**삭제…**를 선택합니다.')).toContain('<strong>삭제…</strong>를');
    expect(render('오른쪽 위 **⋮**를 누른 뒤')).toContain('<strong>⋮</strong>를');
    expect(render('왼쪽 아래 **🗑**를 누르세요')).toContain('<strong>🗑</strong>를');
    expect(render('메뉴 막대에서 **파일 > 친구 추가…**를 선택')).toContain('<strong>파일 &gt; 친구 추가…</strong>를');
  });

  it('opens bold after a letter when the label starts with a symbol', () => {
    expect(render('그다음**⚙ 설정**을 엽니다')).toContain('<strong>⚙ 설정</strong>을');
  });

  it('leaves pairs CommonMark already handles as they are', () => {
    const plain = '**삭제**를 누르고 **확인**을 클릭합니다. **Save** it.';
    expect(strongForCjk(plain)).toBe(plain);
    expect(render(plain)).toContain('<strong>삭제</strong>를');
  });

  it('keeps links inside the bold text working', () => {
    expect(render('**[차단…](article:block-friend)**을 보세요')).toContain('<strong><a href="article:block-friend">차단…</a></strong>을');
  });

  it('never touches code spans or fenced code', () => {
    expect(strongForCjk('`**삭제…**를` 그대로')).toBe('`**삭제…**를` 그대로');
    const fenced = '```\n**삭제…**를\n```\n**삭제…**를';
    expect(strongForCjk(fenced)).toBe('```\n**삭제…**를\n```\n<strong>삭제…</strong>를');
  });

  it('leaves a lone or unbalanced ** alone', () => {
    expect(strongForCjk('별표 ** 하나')).toBe('별표 ** 하나');
    expect(strongForCjk('**열기만')).toBe('**열기만');
  });
});
