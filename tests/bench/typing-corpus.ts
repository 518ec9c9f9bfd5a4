/**
 * A second help center for the "typed as people type" benchmark: a fictional banking and
 * payments app (모아뱅크), written for it, not the messenger sample. Each entry is one topic;
 * `platforms` makes one variant per platform (same text, the platform named in the body).
 */
import type { IndexedArticle } from '../../electron/core/search/types';
import type { Platform } from '../../shared/platform';

interface TopicSource {
  id: string;
  title: string;
  category: string;
  tags: string[];
  body: string;
  platforms?: Platform[];
}

const PLATFORM_NAMES: Record<Platform, string> = { common: '', android: '안드로이드', ios: 'iPhone', windows: 'Windows PC', macos: 'Mac', linux: 'Linux', web: '웹 브라우저' };

const TOPICS: TopicSource[] = [
  { id: 'transfer-money', title: '다른 은행 계좌로 이체하려면 어떻게 하나요?', category: '이체/보내기', tags: ['이체', '계좌이체', '송금'], body: '홈 화면에서 이체를 누르고 받는 분의 은행과 계좌번호를 입력하세요. 금액을 확인한 뒤 간편 비밀번호로 인증하면 바로 보내집니다. 받는 분 이름이 맞는지 꼭 확인하세요. 이체 수수료는 매달 30회까지 무료입니다.' },
  { id: 'transfer-limit', title: '하루 이체 한도를 늘리려면 어떻게 하나요?', category: '이체/한도', tags: ['이체 한도', '한도 상향'], body: '전체 메뉴 › 보안 › 이체 한도에서 1회 한도와 1일 한도를 바꿀 수 있습니다. 한도를 올리려면 신분증 확인과 추가 인증이 필요합니다. 한도를 낮추는 것은 바로 적용됩니다.' },
  { id: 'cancel-transfer', title: '잘못 보낸 돈을 돌려받으려면 어떻게 하나요?', category: '이체/보내기', tags: ['착오송금', '반환 요청', '이체 취소'], body: '이미 완료된 이체는 취소할 수 없지만, 받는 분 은행에 반환을 요청할 수 있습니다. 이체 내역에서 해당 거래를 선택하고 착오송금 반환 요청을 누르세요. 받는 분이 동의하면 돈이 돌아옵니다.' },
  { id: 'open-account', title: '입출금 통장을 새로 만들려면 어떻게 하나요?', category: '계좌/개설', tags: ['계좌 개설', '통장 만들기', '비대면'], body: '앱에서 계좌 개설을 누르고 신분증을 촬영하면 지점에 가지 않고 비대면으로 통장을 만들 수 있습니다. 다른 은행 계좌로 1원을 보내 본인 확인을 합니다. 20영업일 안에 다른 계좌를 또 만들 수는 없습니다.' },
  { id: 'close-account', title: '계좌를 해지하려면 어떻게 하나요?', category: '계좌/관리', tags: ['계좌 해지', '통장 해지'], body: '계좌 관리에서 해지할 계좌를 고르고 남은 잔액을 옮길 계좌를 선택하세요. 자동이체나 연결된 카드가 있으면 먼저 정리해야 합니다. 해지한 계좌는 다시 살릴 수 없습니다.' },
  { id: 'reset-password', title: '비밀번호를 잊어버렸어요. 어떻게 재설정하나요?', category: '보안/비밀번호', tags: ['비밀번호 찾기', '비밀번호 재설정'], body: '로그인 화면에서 비밀번호를 잊으셨나요?를 누르고 휴대폰 본인 인증을 하면 새 비밀번호를 설정할 수 있습니다. 영문, 숫자, 특수문자를 섞어 8자 이상으로 만드세요.' },
  { id: 'change-pin', title: '간편 비밀번호(PIN)를 바꾸려면 어떻게 하나요?', category: '보안/비밀번호', tags: ['간편 비밀번호', 'PIN', '6자리'], body: '전체 메뉴 › 보안 › 간편 비밀번호 변경에서 지금 쓰는 6자리를 입력한 뒤 새 번호를 두 번 입력하세요. 생일이나 같은 숫자 반복처럼 추측하기 쉬운 번호는 쓸 수 없습니다.' },
  { id: 'biometric-login', title: '지문이나 얼굴 인식으로 로그인하려면 어떻게 하나요?', category: '보안/로그인', tags: ['생체 인증', '지문', '얼굴 인식'], body: '보안 설정에서 생체 인증을 켜면 비밀번호 대신 지문이나 얼굴로 로그인할 수 있습니다. 기기에 지문이나 얼굴이 먼저 등록되어 있어야 합니다.', platforms: ['android', 'ios'] },
  { id: 'certificate', title: '공동인증서를 가져오거나 내보내려면 어떻게 하나요?', category: '보안/인증서', tags: ['공동인증서', '인증서 복사', '인증서 이동'], body: '인증서 관리에서 가져오기를 누르고 화면에 표시된 인증 번호를 다른 기기에 입력하세요. 인증서 비밀번호를 입력하면 복사가 끝납니다. 예전 공인인증서도 같은 방법으로 옮길 수 있습니다.', platforms: ['windows', 'macos', 'web'] },
  { id: 'card-lost', title: '카드를 잃어버렸어요. 분실 신고는 어떻게 하나요?', category: '카드/분실·재발급', tags: ['카드 분실', '분실 신고', '사용 정지'], body: '카드 메뉴에서 분실 신고를 누르면 즉시 결제가 멈춥니다. 신고 뒤에 생긴 부정 사용은 보상받을 수 있습니다. 카드를 다시 찾았다면 분실 해제를 누르세요.' },
  { id: 'card-reissue', title: '체크카드를 재발급받으려면 어떻게 하나요?', category: '카드/분실·재발급', tags: ['재발급', '카드 교체'], body: '카드 메뉴에서 재발급 신청을 누르고 받을 주소를 확인하세요. 새 카드는 5영업일 안에 도착하며, 새 카드를 등록하면 예전 카드는 쓸 수 없습니다.' },
  { id: 'card-limit', title: '카드 결제 한도를 바꾸려면 어떻게 하나요?', category: '카드/이용', tags: ['결제 한도', '카드 한도'], body: '카드 메뉴 › 한도 설정에서 하루 결제 한도와 한 달 결제 한도를 바꿀 수 있습니다. 해외 결제는 따로 켜고 끌 수 있습니다.' },
  { id: 'card-history', title: '카드 이용 내역과 명세서를 확인하려면 어떻게 하나요?', category: '카드/이용', tags: ['이용 내역', '명세서', '승인 내역'], body: '카드 메뉴에서 이용 내역을 누르면 승인된 결제와 취소된 결제를 날짜별로 볼 수 있습니다. 월별 명세서는 PDF로 내려받을 수 있습니다.' },
  { id: 'pay-refund', title: '모아페이로 결제한 건을 취소하고 환불받으려면 어떻게 하나요?', category: '페이/결제', tags: ['결제 취소', '환불'], body: '환불은 결제한 가게에서 취소해야 합니다. 가게가 결제를 취소하면 모아페이 머니는 바로, 카드 결제는 3~5영업일 안에 돌아옵니다. 결제 내역에서 취소 상태를 확인하세요.' },
  { id: 'pay-charge', title: '모아페이 머니를 충전하려면 어떻게 하나요?', category: '페이/머니', tags: ['충전', '머니 충전', '자동 충전'], body: '페이 홈에서 충전을 누르고 연결된 계좌에서 금액을 옮기세요. 잔액이 부족할 때 자동으로 채워지게 하려면 자동 충전을 켜세요.' },
  { id: 'pay-qr', title: 'QR코드로 가게에서 결제하려면 어떻게 하나요?', category: '페이/결제', tags: ['QR 결제', '오프라인 결제', '바코드'], body: '페이 홈에서 결제하기를 누르면 QR코드와 바코드가 나타납니다. 가게 직원에게 보여 주거나 가게의 QR코드를 카메라로 찍으면 결제됩니다.' },
  { id: 'currency-exchange', title: '외화를 환전하려면 어떻게 하나요?', category: '외환/환전', tags: ['환전', '외화', '달러'], body: '외환 메뉴에서 환전을 누르고 통화와 금액을 고르세요. 공항이나 지점에서 받을 날짜를 정하면 환율 우대가 적용됩니다. 환전한 외화는 외화 통장에 보관할 수도 있습니다.' },
  { id: 'overseas-transfer', title: '해외로 돈을 보내려면 어떻게 하나요?', category: '외환/해외송금', tags: ['해외송금', '외화 송금', 'SWIFT'], body: '해외송금에서 받는 분의 영문 이름, 은행 SWIFT 코드, 계좌번호를 입력하세요. 보내는 목적을 고르고 수수료를 확인하면 보통 1~3일 안에 도착합니다.' },
  { id: 'loan-apply', title: '비상금 대출을 신청하려면 어떻게 하나요?', category: '대출/신청', tags: ['비상금 대출', '소액 대출', '대출 신청'], body: '대출 메뉴에서 비상금 대출을 누르면 한도와 금리를 바로 조회할 수 있습니다. 조회는 신용점수에 영향을 주지 않습니다. 약정서에 동의하면 돈이 입출금 통장으로 들어옵니다.' },
  { id: 'loan-repay', title: '대출을 미리 갚으려면 어떻게 하나요?', category: '대출/상환', tags: ['중도 상환', '대출 상환', '이자'], body: '대출 관리에서 상환하기를 누르고 갚을 금액을 입력하세요. 일부만 갚을 수도 있고 한 번에 모두 갚을 수도 있습니다. 중도상환수수료는 대출 상품마다 다릅니다.' },
  { id: 'savings-open', title: '적금에 가입하려면 어떻게 하나요?', category: '예금·적금/가입', tags: ['적금 가입', '자유적금', '정기적금'], body: '예금·적금 메뉴에서 원하는 적금 상품을 고르고 매달 넣을 금액과 기간을 정하세요. 자동이체 날짜를 정하면 매달 알아서 저금됩니다.' },
  { id: 'savings-cancel', title: '적금을 중간에 해지하려면 어떻게 하나요?', category: '예금·적금/해지', tags: ['중도 해지', '적금 해지'], body: '예금·적금 관리에서 해지할 상품을 고르고 중도 해지를 누르세요. 만기 전에 해지하면 약속한 금리보다 낮은 중도해지 금리가 적용됩니다.' },
  { id: 'interest-rate', title: '예금 금리와 이자 지급일을 확인하려면 어떻게 하나요?', category: '예금·적금/금리', tags: ['금리', '이자', '이자 지급'], body: '계좌 상세에서 적용 금리와 다음 이자 지급일을 볼 수 있습니다. 이자는 매달 넷째 주 금요일에 세금을 뺀 금액으로 들어옵니다.' },
  { id: 'app-update', title: '모아뱅크 앱을 최신 버전으로 업데이트하려면 어떻게 하나요?', category: '앱/설치·업데이트', tags: ['업데이트', '최신 버전'], body: '앱 스토어에서 모아뱅크를 찾아 업데이트를 누르세요. 오래된 버전은 보안을 위해 로그인이 막힐 수 있습니다.', platforms: ['android', 'ios', 'windows', 'macos'] },
  { id: 'app-not-launching', title: '앱이 실행되지 않거나 바로 종료돼요', category: '앱/오류', tags: ['앱 오류', '강제 종료', '실행 안 됨'], body: '앱을 완전히 종료한 뒤 다시 실행하세요. 그래도 안 되면 기기를 다시 시작하고 최신 버전으로 업데이트하세요. 루팅이나 탈옥된 기기에서는 보안 때문에 실행되지 않습니다.', platforms: ['android', 'ios'] },
  { id: 'notification-settings', title: '입출금 알림이 오지 않아요', category: '앱/알림', tags: ['입출금 알림', '푸시 알림', '알림 설정'], body: '기기 설정에서 모아뱅크의 알림이 허용되어 있는지 확인하세요. 앱의 알림 설정에서 입출금 알림이 켜져 있어야 합니다. 절전 모드에서는 알림이 늦게 올 수 있습니다.', platforms: ['android', 'ios'] },
  { id: 'dark-mode', title: '다크 모드로 바꾸려면 어떻게 하나요?', category: '앱/화면', tags: ['다크 모드', '테마', '어두운 화면'], body: '전체 메뉴 › 화면 설정에서 다크 모드를 켜거나, 기기 설정을 따르도록 할 수 있습니다.' },
  { id: 'change-phone', title: '휴대폰 번호가 바뀌었어요. 등록된 번호를 변경하려면?', category: '내 정보/변경', tags: ['휴대폰 번호 변경', '연락처 변경'], body: '내 정보에서 휴대폰 번호를 누르고 새 번호로 본인 인증을 하세요. 번호를 바꾸면 입출금 알림과 인증 문자가 새 번호로 갑니다.' },
  { id: 'id-verification', title: '신분증 인증이 자꾸 실패해요', category: '내 정보/인증', tags: ['신분증 촬영', '본인 확인', '인증 실패'], body: '신분증을 어두운 바탕에 놓고 빛 반사가 없게 촬영하세요. 주민등록증과 운전면허증을 쓸 수 있으며, 훼손되었거나 재발급 전 신분증은 인증되지 않습니다.' },
  { id: 'dormant-account', title: '휴면 계좌를 다시 쓰려면 어떻게 하나요?', category: '계좌/관리', tags: ['휴면 계좌', '휴면 해제'], body: '1년 넘게 거래가 없으면 계좌가 휴면 상태가 됩니다. 앱에서 휴면 해제를 누르고 본인 인증을 하면 바로 다시 쓸 수 있습니다.' },
  { id: 'auto-transfer', title: '자동이체를 등록하거나 해지하려면 어떻게 하나요?', category: '이체/자동이체', tags: ['자동이체', '정기 이체'], body: '이체 메뉴 › 자동이체에서 받는 계좌와 금액, 날짜를 정해 등록하세요. 등록한 자동이체를 누르면 변경하거나 해지할 수 있습니다.' },
  { id: 'documents', title: '거래내역서나 잔액증명서를 발급받으려면 어떻게 하나요?', category: '계좌/증명서', tags: ['거래내역서', '잔액증명서', '증명서 발급'], body: '계좌 상세 › 증명서 발급에서 기간을 정하면 거래내역서를 PDF로 받을 수 있습니다. 잔액증명서와 소득공제용 서류도 같은 곳에서 발급합니다.' },
  { id: 'customer-center', title: '상담원과 이야기하려면 어떻게 하나요?', category: '고객센터/상담', tags: ['상담원 연결', '고객센터', '채팅 상담'], body: '전체 메뉴 › 고객센터에서 채팅 상담을 시작하거나 전화 상담을 예약할 수 있습니다. 평일 오전 9시부터 오후 6시까지 상담원이 답합니다.' },
  { id: 'delete-member', title: '모아뱅크를 탈퇴하려면 어떻게 하나요?', category: '내 정보/탈퇴', tags: ['회원 탈퇴', '서비스 해지'], body: '모든 계좌를 해지하고 대출을 다 갚은 뒤에 탈퇴할 수 있습니다. 내 정보 맨 아래의 탈퇴하기를 누르세요. 탈퇴하면 거래 기록은 법이 정한 기간 동안만 보관됩니다.' },
  { id: 'screen-capture', title: '화면 캡처가 되지 않아요', category: '앱/화면', tags: ['스크린샷', '화면 캡처', '보안 화면'], body: '계좌번호와 비밀번호가 보이는 화면은 보안을 위해 캡처를 막아 두었습니다. 이체 확인증은 이체 내역에서 공유하기로 이미지를 저장하세요.', platforms: ['android', 'ios'] },
  { id: 'login-devices', title: '로그인한 기기를 확인하고 로그아웃하려면 어떻게 하나요?', category: '보안/로그인', tags: ['기기 관리', '로그인 기기', '원격 로그아웃'], body: '보안 › 기기 관리에서 내 계정으로 로그인된 휴대폰과 컴퓨터를 볼 수 있습니다. 모르는 기기는 로그아웃을 눌러 바로 끊으세요.' },
  { id: 'atm-withdrawal', title: '카드 없이 ATM에서 돈을 찾으려면 어떻게 하나요?', category: '계좌/입출금', tags: ['무카드 출금', 'ATM 출금', '현금 인출'], body: '앱에서 ATM 출금을 누르고 금액을 정하면 12자리 출금 번호가 나옵니다. 제휴 ATM에서 번호와 간편 비밀번호를 입력하면 현금이 나옵니다.' },
  { id: 'group-account', title: '모임통장을 만들고 회비를 나눠 내려면 어떻게 하나요?', category: '계좌/모임통장', tags: ['모임통장', '회비', '더치페이'], body: '계좌 개설에서 모임통장을 고르고 멤버를 초대하세요. 멤버는 회비 내역을 함께 볼 수 있고, 정해진 날에 회비를 자동으로 보낼 수 있습니다.' },
  { id: 'overseas-payment', title: '해외에서 카드 결제가 안 돼요', category: '카드/이용', tags: ['해외 결제', '해외 사용'], body: '카드 메뉴 › 한도 설정에서 해외 결제를 켜야 해외 가게와 해외 사이트에서 결제할 수 있습니다. 해외 결제 차단을 켜 두면 결제가 거절됩니다.' },
];

/** The benchmark help center: one article per topic and platform. */
export function typingArticles(): IndexedArticle[] {
  const out: IndexedArticle[] = [];
  for (const topic of TOPICS) {
    for (const platform of topic.platforms ?? ['common']) {
      const id = platform === 'common' ? topic.id : `${topic.id}-${platform}`;
      const named = PLATFORM_NAMES[platform];
      out.push({
        id,
        title: topic.title,
        bodyText: named ? `${named}에서: ${topic.body}` : topic.body,
        service: '모아뱅크',
        category: topic.category,
        platform,
        locale: 'ko',
        group: topic.platforms ? topic.id : null,
        tags: topic.tags,
        updatedAt: '2026-10-01',
      });
    }
  }
  return out;
}
