/**
 * The words the shell itself shows (tray, menus, notifications), in Korean and English. The
 * renderer has its own i18n; these few strings live beside the native UI that uses them.
 */
import type { SyncFailure } from '../../shared/sync-failures';
import type { UiLanguage } from '../../shared/locale';

/** The shell speaks the UI's languages; which one is resolveUiLanguage's choice (shared/locale.ts). */
export type ShellLanguage = UiLanguage;

export interface ShellText {
  appName: string;
  open: string;
  search: string;
  findInArticle: string;
  recent: string;
  noRecent: string;
  syncNow: string;
  syncing: string;
  neverSynced: string;
  lastSynced(when: string): string;
  syncFailed(reason: string): string;
  /** Why a sync failed, by failure kind: short, in words (the core's English stays in the log). */
  syncFailures: { readonly [K in SyncFailure]: string };
  syncFailedUnknown: string;
  settings: string;
  quit: string;
  about: string;
  file: string;
  edit: string;
  view: string;
  textLarger: string;
  textSmaller: string;
  textReset: string;
  window: string;
  help: string;
  helpHome: string;
  showLogs: string;
  closeWindow: string;
  stillRunningTitle: string;
  stillRunningBody: string;
  articlesUpdated(count: number): string;
  shortcutFailedTitle: string;
  shortcutFailed(wanted: string): string;
  shortcutFallback(wanted: string, used: string): string;
  updateReadyTitle(version: string): string;
  updateReadyBody: string;
  /** The confirmation of a security setting changed from the page (native dialog). */
  securityChangeMessage: string;
  securityChangeDetail(lines: string[]): string;
  securityChangeConfirm: string;
  cancel: string;
  settingNames: Record<'feedUrl' | 'feedPublicKey' | 'updateUrl', string>;
  notSet: string;
}

const KO: ShellText = {
  appName: 'Doum',
  open: 'Doum 열기',
  search: '검색…',
  findInArticle: '문서에서 찾기…',
  recent: '최근 본 도움말',
  noRecent: '최근 본 도움말이 없습니다',
  syncNow: '지금 동기화',
  syncing: '동기화 중…',
  neverSynced: '아직 동기화하지 않았습니다',
  lastSynced: (when) => `마지막 동기화: ${when}`,
  syncFailed: (reason) => `동기화 실패: ${reason}`,
  syncFailures: {
    network: '피드 서버에 연결할 수 없음',
    timeout: '피드 서버가 응답하지 않음',
    http: '피드 서버 오류',
    'not-found': '피드를 찾을 수 없음',
    integrity: '내려받은 파일이 손상됨',
    signature: '피드 서명을 확인할 수 없음',
    'invalid-feed': '피드 형식이 올바르지 않음',
    'invalid-record': '올바르지 않은 도움말이 있음',
    cancelled: '취소됨',
    busy: '다른 동기화가 진행 중',
    storage: '이 컴퓨터에 저장할 수 없음',
    rollback: '피드가 이전 버전으로 돌아감',
    expired: '피드 서명 기간이 지남',
    refused: '보안 설정이 허용하지 않는 주소',
    'too-large': '파일이 너무 큼',
    'read-only': '데이터 폴더에 쓸 수 없음',
    untrusted: '피드 주소를 다시 정해야 함',
  },
  syncFailedUnknown: '알 수 없는 오류',
  settings: '설정…',
  quit: 'Doum 종료',
  about: 'Doum에 관하여',
  file: '파일',
  edit: '편집',
  view: '보기',
  textLarger: '글자 크게',
  textSmaller: '글자 작게',
  textReset: '기본 글자 크기',
  window: '윈도우',
  help: '도움말',
  helpHome: 'Doum 홈',
  showLogs: '로그 폴더 열기',
  closeWindow: '창 닫기',
  stillRunningTitle: 'Doum은 계속 실행 중입니다',
  stillRunningBody: '창을 닫아도 알림 영역의 Doum 아이콘에서 바로 열 수 있습니다. 종료하려면 아이콘 메뉴에서 "Doum 종료"를 고르세요.',
  articlesUpdated: (count) => `도움말 ${count}개가 업데이트되었습니다`,
  shortcutFailedTitle: '단축키를 등록하지 못했습니다',
  shortcutFailed: (wanted) => `${wanted}은(는) 다른 앱이 쓰고 있거나 쓸 수 없는 조합입니다. 설정에서 다른 단축키를 고르세요.`,
  shortcutFallback: (wanted, used) => `${wanted}을(를) 쓸 수 없어 ${used}(으)로 Doum을 엽니다. 설정에서 바꿀 수 있습니다.`,
  updateReadyTitle: (version) => `Doum ${version}이(가) 준비되었습니다`,
  updateReadyBody: 'Doum을 종료하면 새 버전이 설치됩니다.',
  securityChangeMessage: '보안 설정을 바꾸시겠습니까?',
  securityChangeDetail: (lines) => `${lines.join('\n')}\n\n직접 바꾼 것이 아니라면 '취소'를 누르세요. 이 설정은 Doum이 어떤 도움말과 업데이트를 믿을지 정합니다.`,
  securityChangeConfirm: '바꾸기',
  cancel: '취소',
  settingNames: { feedUrl: '피드 주소', feedPublicKey: '피드 서명 키', updateUrl: '업데이트 주소' },
  notSet: '(없음)',
};

const EN: ShellText = {
  appName: 'Doum',
  open: 'Open Doum',
  search: 'Search…',
  findInArticle: 'Find in Article…',
  recent: 'Recently viewed',
  noRecent: 'No recently viewed articles',
  syncNow: 'Sync now',
  syncing: 'Syncing…',
  neverSynced: 'Not synced yet',
  lastSynced: (when) => `Last synced ${when}`,
  syncFailed: (reason) => `Sync failed: ${reason}`,
  syncFailures: {
    network: 'cannot reach the feed server',
    timeout: 'the feed server did not answer',
    http: 'the feed server answered with an error',
    'not-found': 'feed not found',
    integrity: 'a download was damaged',
    signature: 'the feed signature could not be verified',
    'invalid-feed': 'the feed is not valid',
    'invalid-record': 'the feed has an invalid article',
    cancelled: 'cancelled',
    busy: 'another sync is running',
    storage: 'could not save on this computer',
    rollback: 'the feed went back in time',
    expired: 'the feed signature has expired',
    refused: 'an address the trust settings do not allow',
    'too-large': 'a file is too large',
    'read-only': 'the data folder is read-only',
    untrusted: 'set the feed address again',
  },
  syncFailedUnknown: 'unknown error',
  settings: 'Settings…',
  quit: 'Quit Doum',
  about: 'About Doum',
  file: 'File',
  edit: 'Edit',
  view: 'View',
  textLarger: 'Larger Text',
  textSmaller: 'Smaller Text',
  textReset: 'Default Text Size',
  window: 'Window',
  help: 'Help',
  helpHome: 'Doum home',
  showLogs: 'Open log folder',
  closeWindow: 'Close window',
  stillRunningTitle: 'Doum is still running',
  stillRunningBody: 'Open it again from the Doum icon in the notification area. To quit, choose "Quit Doum" from that icon\'s menu.',
  articlesUpdated: (count) => (count === 1 ? '1 help article was updated' : `${count} help articles were updated`),
  shortcutFailedTitle: 'The shortcut could not be registered',
  shortcutFailed: (wanted) => `${wanted} is used by another app or is not a valid shortcut. Choose another one in Settings.`,
  shortcutFallback: (wanted, used) => `${wanted} is not available, so ${used} opens Doum instead. You can change it in Settings.`,
  updateReadyTitle: (version) => `Doum ${version} is ready`,
  updateReadyBody: 'It is installed when you quit Doum.',
  securityChangeMessage: 'Change a security setting?',
  securityChangeDetail: (lines) => `${lines.join('\n')}\n\nIf you did not make this change yourself, choose Cancel. These settings decide which help content and updates Doum trusts.`,
  securityChangeConfirm: 'Change',
  cancel: 'Cancel',
  settingNames: { feedUrl: 'Feed address', feedPublicKey: 'Feed signing key', updateUrl: 'Update address' },
  notSet: '(none)',
};

export function shellText(language: ShellLanguage): ShellText {
  return language === 'ko' ? KO : EN;
}

/** "14:05" today, "10월 3일 14:05" / "Oct 3, 14:05" on another day. */
export function formatWhen(iso: string, language: ShellLanguage, now: Date = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const locale = language === 'ko' ? 'ko-KR' : 'en-US';
  const time = at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', hour12: false });
  if (at.toDateString() === now.toDateString()) return time;
  return `${at.toLocaleDateString(locale, { month: 'short', day: 'numeric' })} ${time}`;
}
