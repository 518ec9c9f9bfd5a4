/**
 * Queries written the way people type into a bank app's help box, over typing-corpus.ts, each
 * with its right answer (a topic id; for platform queries the platform's own article id; null
 * when no article answers it). Kinds, as in issue 10:
 *
 *   spacing      compounds without their spaces or with wrong ones, also as 초성 / wrong layout
 *   endings      spoken endings, fillers and verbs in any form
 *   synonyms     everyday abbreviations, other names and loanwords
 *   misspelling  jamo-level slips (ㅐ/ㅔ, ㅚ/ㅙ/ㅞ, a slipped final consonant, a syllable off)
 *   platform     platform words (맥, 아이폰, 갤럭시, PC, 웹…); the answer is that platform's article
 *   no-answer    things a bank app's help center does not cover
 */
export type TypingKind = 'spacing' | 'endings' | 'synonyms' | 'misspelling' | 'platform' | 'no-answer';
export const TYPING_KINDS: readonly TypingKind[] = ['spacing', 'endings', 'synonyms', 'misspelling', 'platform', 'no-answer'];

export interface TypingQuery {
  kind: TypingKind;
  text: string;
  /** The topic (or, for platform queries, the article id) that answers it; null: none does. */
  answer: string | null;
}

const SPACING: Array<[string, string]> = [
  ['계좌이체', 'transfer-money'], ['다른은행 이체', 'transfer-money'], ['이체한도', 'transfer-limit'], ['이체한도 늘리기', 'transfer-limit'], ['하루이체한도', 'transfer-limit'],
  ['착오송금', 'cancel-transfer'], ['잘못보낸돈', 'cancel-transfer'], ['통장만들기', 'open-account'], ['계좌개설', 'open-account'], ['비대면계좌개설', 'open-account'],
  ['계좌해지', 'close-account'], ['통장해지', 'close-account'], ['비밀번호재설정', 'reset-password'], ['비밀번호찾기', 'reset-password'], ['간편비밀번호', 'change-pin'],
  ['간편비밀번호변경', 'change-pin'], ['지문로그인', 'biometric-login'], ['얼굴인식', 'biometric-login'], ['생체인증', 'biometric-login'], ['공동인증서', 'certificate'],
  ['인증서내보내기', 'certificate'], ['카드분실', 'card-lost'], ['분실신고', 'card-lost'], ['카드재발급', 'card-reissue'], ['체크카드재발급', 'card-reissue'],
  ['결제한도', 'card-limit'], ['카드한도변경', 'card-limit'], ['이용내역', 'card-history'], ['카드명세서', 'card-history'], ['결제취소', 'pay-refund'],
  ['머니충전', 'pay-charge'], ['자동충전', 'pay-charge'], ['큐알결제', 'pay-qr'], ['외화환전', 'currency-exchange'], ['해외송금', 'overseas-transfer'],
  ['비상금대출', 'loan-apply'], ['대출신청', 'loan-apply'], ['중도상환', 'loan-repay'], ['적금가입', 'savings-open'], ['적금해지', 'savings-cancel'],
  ['이자지급일', 'interest-rate'], ['앱업데이트', 'app-update'], ['입출금알림', 'notification-settings'], ['다크모드', 'dark-mode'], ['휴대폰번호변경', 'change-phone'],
  ['신분증인증', 'id-verification'], ['휴면계좌', 'dormant-account'], ['휴면해제', 'dormant-account'], ['자동이체해지', 'auto-transfer'], ['거래내역서', 'documents'],
  ['잔액증명서', 'documents'], ['상담원연결', 'customer-center'], ['회원탈퇴', 'delete-member'], ['화면캡처', 'screen-capture'], ['기기관리', 'login-devices'],
  ['무카드출금', 'atm-withdrawal'], ['모임통장', 'group-account'], ['해외결제', 'overseas-payment'], ['자 동 이체', 'auto-transfer'], ['적 금 해지', 'savings-cancel'],
  ['ㄷㅋㅁㄷ', 'dark-mode'], ['ㅎㅁㄱㅈ', 'dormant-account'], ['ekzmahem', 'dark-mode'], ['ghldnjsxkfxhl', 'delete-member'], ['wjrmaghowl', 'savings-cancel'],
];

const ENDINGS: Array<[string, string]> = [
  ['이체 어떻게 해요', 'transfer-money'], ['돈 보내는 법', 'transfer-money'], ['이체 한도 올리고 싶어요', 'transfer-limit'], ['한도 늘리는 방법', 'transfer-limit'], ['잘못 보냈어요', 'cancel-transfer'],
  ['돈 잘못 보냈는데 어떡해요', 'cancel-transfer'], ['통장 만들고 싶어요', 'open-account'], ['계좌 어떻게 만들어요', 'open-account'], ['계좌 없애고 싶어요', 'close-account'], ['통장 해지하는 법', 'close-account'],
  ['비밀번호 까먹었어요', 'reset-password'], ['비밀번호 잊어버렸는데요', 'reset-password'], ['간편 비밀번호 바꿨어요', 'change-pin'], ['간편 비밀번호 바꾸고 싶어요', 'change-pin'], ['지문으로 로그인 하고 싶어요', 'biometric-login'],
  ['얼굴로 로그인 되나요', 'biometric-login'], ['인증서 옮기는 법', 'certificate'], ['인증서 가져오려면', 'certificate'], ['카드 잃어버렸어요', 'card-lost'], ['카드 없어졌어요 어떻게 해요', 'card-lost'],
  ['카드 다시 받고 싶어요', 'card-reissue'], ['카드 한도 바꾸려면', 'card-limit'], ['카드 쓴 내역 보고 싶어요', 'card-history'], ['명세서 어디서 봐요', 'card-history'], ['환불 안 돼요', 'pay-refund'],
  ['결제 취소 어떻게 하나요', 'pay-refund'], ['머니 충전 어떻게 해요', 'pay-charge'], ['충전하고 싶어요', 'pay-charge'], ['큐알로 결제하는 법', 'pay-qr'], ['환전하고 싶어요', 'currency-exchange'],
  ['달러로 바꾸려면', 'currency-exchange'], ['해외로 돈 보내려면', 'overseas-transfer'], ['대출 받고 싶어요', 'loan-apply'], ['비상금 빌리려면', 'loan-apply'], ['대출 미리 갚고 싶어요', 'loan-repay'],
  ['대출 갚으려면 어떻게 해야 돼요', 'loan-repay'], ['적금 들고 싶어요', 'savings-open'], ['적금 깨고 싶어요', 'savings-cancel'], ['적금 중간에 해지하면', 'savings-cancel'], ['이자 언제 들어와요', 'interest-rate'],
  ['업데이트 어떻게 해요', 'app-update'], ['앱이 안 켜져요', 'app-not-launching'], ['앱 실행이 안돼요', 'app-not-launching'], ['앱이 자꾸 꺼져요', 'app-not-launching'], ['알림이 안 와요', 'notification-settings'],
  ['입금 알림 안옴', 'notification-settings'], ['다크 모드 하는 법', 'dark-mode'], ['번호 바꿨어요', 'change-phone'], ['전화번호 바뀌었는데요', 'change-phone'], ['신분증 인증 안돼요', 'id-verification'],
  ['신분증 촬영이 왜 안 되죠', 'id-verification'], ['휴면 풀려면', 'dormant-account'], ['자동이체 등록하고 싶어요', 'auto-transfer'], ['거래내역서 떼려면', 'documents'], ['상담원이랑 얘기하고 싶어요', 'customer-center'],
  ['탈퇴하고 싶어요', 'delete-member'], ['캡처가 안 돼요', 'screen-capture'], ['로그인한 기기 확인하려면', 'login-devices'], ['카드 없이 돈 찾으려면', 'atm-withdrawal'], ['해외에서 결제가 안 돼요', 'overseas-payment'],
];

const SYNONYMS: Array<[string, string]> = [
  ['송금', 'transfer-money'], ['계좌 송금', 'transfer-money'], ['송금 한도', 'transfer-limit'], ['이체 취소', 'cancel-transfer'], ['송금 취소', 'cancel-transfer'],
  ['통장 개설', 'open-account'], ['계좌 삭제', 'close-account'], ['비번 찾기', 'reset-password'], ['비번 재설정', 'reset-password'], ['패스워드 분실', 'reset-password'],
  ['핀번호 변경', 'change-pin'], ['pin 바꾸기', 'change-pin'], ['생체 로그인', 'biometric-login'], ['페이스 아이디', 'biometric-login'], ['공인인증서', 'certificate'],
  ['공인인증서 복사', 'certificate'], ['인증서 이동', 'certificate'], ['신용카드 분실', 'card-lost'], ['카드 교체', 'card-reissue'], ['카드 재발행', 'card-reissue'],
  ['카드 사용 한도', 'card-limit'], ['카드 사용 내역', 'card-history'], ['카드 거래 내역', 'card-history'], ['반품 환불', 'pay-refund'], ['결제 환불', 'pay-refund'],
  ['페이 충전', 'pay-charge'], ['머니 입금', 'pay-charge'], ['qr 결제', 'pay-qr'], ['바코드 결제', 'pay-qr'], ['달러 환전', 'currency-exchange'],
  ['외국 송금', 'overseas-transfer'], ['해외 이체', 'overseas-transfer'], ['소액 대출', 'loan-apply'], ['대출 상환', 'loan-repay'], ['대출 조기 상환', 'loan-repay'],
  ['정기적금', 'savings-open'], ['적금 해약', 'savings-cancel'], ['이자율', 'interest-rate'], ['예금 이자', 'interest-rate'], ['업뎃', 'app-update'],
  ['앱 튕김', 'app-not-launching'], ['앱 크래시', 'app-not-launching'], ['푸시 알림', 'notification-settings'], ['입금 알람', 'notification-settings'], ['야간 모드', 'dark-mode'],
  ['어두운 테마', 'dark-mode'], ['폰번호 변경', 'change-phone'], ['핸드폰 번호', 'change-phone'], ['본인확인 실패', 'id-verification'], ['장기 미사용 계좌', 'dormant-account'],
  ['정기 이체', 'auto-transfer'], ['통장 사본', 'documents'], ['고객센터 전화', 'customer-center'], ['상담 연결', 'customer-center'], ['회원 해지', 'delete-member'],
  ['스크린샷', 'screen-capture'], ['원격 로그아웃', 'login-devices'], ['현금 인출', 'atm-withdrawal'], ['더치페이', 'group-account'], ['해외 직구 결제', 'overseas-payment'],
];

const MISSPELLING: Array<[string, string]> = [
  ['게좌 이체', 'transfer-money'], ['이채 한도', 'transfer-limit'], ['착오송굼', 'cancel-transfer'], ['통장 계설', 'open-account'], ['게좌 해지', 'close-account'],
  ['비밀번효 재설정', 'reset-password'], ['비밀번호 제설정', 'reset-password'], ['간편 비밀번호 변겅', 'change-pin'], ['지믄 로그인', 'biometric-login'], ['얼굴 인싣', 'biometric-login'],
  ['공동인중서', 'certificate'], ['인증서 내보네기', 'certificate'], ['카드 분실 신거', 'card-lost'], ['카드 제발급', 'card-reissue'], ['체크카드 재발긍', 'card-reissue'],
  ['결재 한도', 'card-limit'], ['이용 네역', 'card-history'], ['카드 명새서', 'card-history'], ['결재 취소', 'pay-refund'], ['환뷸', 'pay-refund'],
  ['머니 총전', 'pay-charge'], ['자동 충젼', 'pay-charge'], ['환젼', 'currency-exchange'], ['해외 송굼', 'overseas-transfer'], ['비상굼 대출', 'loan-apply'],
  ['대츌 상환', 'loan-repay'], ['중도 상한', 'loan-repay'], ['젹금 가입', 'savings-open'], ['적굼 해지', 'savings-cancel'], ['에금 금리', 'interest-rate'],
  ['업대이트', 'app-update'], ['어플 업데이투', 'app-update'], ['알림 셜정', 'notification-settings'], ['입출굼 알림', 'notification-settings'], ['다크 모두', 'dark-mode'],
  ['휴데폰 번호 변경', 'change-phone'], ['신분증 촬형', 'id-verification'], ['휴면 게좌', 'dormant-account'], ['자동이채', 'auto-transfer'], ['거레내역서', 'documents'],
  ['상담웜 연결', 'customer-center'], ['회원 탈태', 'delete-member'], ['화면 캠처', 'screen-capture'], ['기기 괸리', 'login-devices'], ['무카드 춣금', 'atm-withdrawal'],
];

const PLATFORM: Array<[string, string]> = [
  ['아이폰 지문 로그인', 'biometric-login-ios'], ['갤럭시 지문 로그인', 'biometric-login-android'], ['안드로이드 얼굴 인식', 'biometric-login-android'], ['아이폰 페이스 아이디', 'biometric-login-ios'], ['iphone 생체 인증', 'biometric-login-ios'],
  ['맥 인증서 가져오기', 'certificate-macos'], ['맥북 공동인증서', 'certificate-macos'], ['윈도우 인증서 내보내기', 'certificate-windows'], ['PC 공동인증서', 'certificate-windows'], ['컴퓨터 인증서 복사', 'certificate-windows'],
  ['웹 인증서', 'certificate-web'], ['브라우저 공동인증서', 'certificate-web'], ['크롬 인증서 가져오기', 'certificate-web'], ['노트북 인증서', 'certificate-windows'], ['아이맥 인증서', 'certificate-macos'],
  ['맥 업데이트', 'app-update-macos'], ['윈도우 앱 업데이트', 'app-update-windows'], ['아이폰 업데이트', 'app-update-ios'], ['갤럭시 앱 업데이트', 'app-update-android'], ['아이패드 업데이트', 'app-update-ios'],
  ['윈도 최신 버전', 'app-update-windows'], ['mac 최신 버전', 'app-update-macos'], ['android 업데이트', 'app-update-android'], ['데스크톱 업데이트', 'app-update-windows'], ['맥에서 업데이트', 'app-update-macos'],
  ['아이폰 앱 안 켜져요', 'app-not-launching-ios'], ['갤럭시 앱 튕김', 'app-not-launching-android'], ['안드로이드 앱 종료', 'app-not-launching-android'], ['아이패드 앱 실행 안됨', 'app-not-launching-ios'], ['ios 강제 종료', 'app-not-launching-ios'],
  ['아이폰 알림 안 와요', 'notification-settings-ios'], ['갤럭시 입출금 알림', 'notification-settings-android'], ['안드로이드 푸시 알림', 'notification-settings-android'], ['아이폰 알람 설정', 'notification-settings-ios'], ['갤럭시 알림 안옴', 'notification-settings-android'],
  ['아이폰 캡처', 'screen-capture-ios'], ['갤럭시 스크린샷', 'screen-capture-android'], ['안드로이드 화면 캡처', 'screen-capture-android'], ['아이폰 스크린샷 안 돼요', 'screen-capture-ios'], ['갤탭 화면 캡처', 'screen-capture-android'],
  ['iphone 지문', 'biometric-login-ios'], ['galaxy 얼굴 인식', 'biometric-login-android'], ['윈도우즈 공동인증서', 'certificate-windows'], ['macos 인증서', 'certificate-macos'], ['웹브라우저 인증서 내보내기', 'certificate-web'],
];

const NO_ANSWER: string[] = [
  '택배 배송 조회', '영화 예매 취소', '게임 아이템 환불', '라면 끓이는 법', '날씨 알림', '주식 매수 방법', '코인 지갑 주소', '비행기 좌석 변경', '호텔 예약 변경', '음식 배달 주문',
  '헬스장 회원권 양도', '유튜브 구독 해지', '사진 보정 필터', '단체 채팅방 만들기', '친구 차단 해제', '이모티콘 선물하기', '노래 가사 검색', '지하철 노선도', '택시 호출', '병원 예약',
  '자동차 보험 청구', '학교 성적 조회', '전기 요금 납부', '부동산 시세', '운동화 사이즈 교환', '반려견 등록', '캠핑장 예약', '중고거래 사기 신고', '웹툰 결제', '번역 앱 추천',
  '키보드 단축키 모음', '프린터 연결', '와이파이 비밀번호', '블루투스 이어폰 연결', '쇼핑몰 장바구니', '쿠폰 코드 입력', '영상통화 화면 공유', '오픈채팅 방장 위임', '음성메시지 녹음', '캘린더 일정 공유',
];

export function typingQueries(): TypingQuery[] {
  const list = (kind: TypingKind, pairs: Array<[string, string]>): TypingQuery[] => pairs.map(([text, answer]) => ({ kind, text, answer }));
  return [
    ...list('spacing', SPACING),
    ...list('endings', ENDINGS),
    ...list('synonyms', SYNONYMS),
    ...list('misspelling', MISSPELLING),
    ...list('platform', PLATFORM),
    ...NO_ANSWER.map((text): TypingQuery => ({ kind: 'no-answer', text, answer: null })),
  ];
}
