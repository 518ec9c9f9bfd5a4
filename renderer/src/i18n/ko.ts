/** Korean UI strings: the primary language and the source of every message key. */
export const ko = {
  'app.name': '도움',
  'app.skipToContent': '본문 바로가기',
  'nav.home': '홈',
  'nav.back': '뒤로',
  'search.label': '도움말 검색',
  'search.placeholder': '궁금한 내용을 입력하세요 (예: 메시지 삭제, ㅅㄱ)',
  'search.total': '총 {count}건',
  'search.resultsFor': "'{query}' 검색 결과",
  'search.empty': "'{query}'에 대한 도움말을 찾지 못했습니다.",
  'search.emptyHint': '다른 낱말로 찾아보거나 카테고리에서 찾아보세요.',
  'search.searching': '찾는 중…',
  'search.otherPlatforms': '다른 플랫폼',
  'home.categories': '카테고리',
  'home.articleCount': '{count}개',
  'home.recent': '최근 업데이트',
  'article.loading': '도움말을 불러오는 중…',
  'article.notFound': '이 도움말을 찾을 수 없습니다. 삭제되었거나 주소가 잘못되었습니다.',
  'article.updated': '{date} 업데이트',
  'error.generic': '문제가 발생했습니다: {message}',
} as const;

export type MessageKey = keyof typeof ko;
