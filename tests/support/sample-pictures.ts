/**
 * The sample help center's screenshots of the fictional 톡플러스: drawn as SVG (one per topic
 * and platform, each in that platform's own window look — an Android phone, an iPhone, a
 * Windows 11 window, a macOS window), written to resources/content/ko/images/ and rendered to
 * PNG beside them with @resvg/resvg-js, loading the Noto Sans CJK font file explicitly so the
 * output does not depend on the machine's fonts. A build-time tool only: not part of the app.
 *
 *   npx tsx tests/support/sample-pictures.ts            # writes the SVGs and PNGs
 *   npx tsx tests/support/sample-pictures.ts --check    # fails if a PNG is missing or stale
 *
 * The articles refer to the PNGs (`![…](../images/<topic>-<platform>.png)`).
 */
import { Resvg } from '@resvg/resvg-js';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Platform } from '../../shared/platform';

export const IMAGES_DIR = resolve(__dirname, '..', '..', 'resources', 'content', 'ko', 'images');
const FONT_FILES = ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'];
const FONT = 'Noto Sans CJK KR';

type Device = Extract<Platform, 'android' | 'ios' | 'windows' | 'macos'>;
export const DEVICES: Device[] = ['android', 'ios', 'windows', 'macos'];

/** One settings screen of 톡플러스: where it is, its rows, and the row the article is about. */
export interface Screen {
  topic: string;
  /** The screen's title, e.g. "화면". */
  title: string;
  /** The path to it, shown in the desktop sidebar. */
  section: string;
  rows: Array<{ label: string; value?: string; toggle?: boolean }>;
  /** Index of the row the article points at (drawn highlighted). */
  focus: number;
  /** The picture's alt text (what it shows). */
  alt: string;
}

export const SCREENS: Screen[] = [
  { topic: 'dark-mode', title: '화면', section: '화면', rows: [{ label: '화면 모드', value: '다크' }, { label: '테마', value: '기본' }, { label: '글자 크기', value: '보통' }, { label: '채팅방 배경', value: '기본' }], focus: 0, alt: '톡플러스 설정의 화면 메뉴에서 화면 모드가 다크로 선택된 모습' },
  { topic: 'font-size', title: '화면', section: '화면', rows: [{ label: '화면 모드', value: '시스템' }, { label: '글자 크기', value: '크게' }, { label: '굵은 글씨', toggle: false }, { label: '채팅방 배경', value: '기본' }], focus: 1, alt: '톡플러스 설정의 화면 메뉴에서 글자 크기가 크게로 선택된 모습' },
  { topic: 'notification-settings', title: '알림', section: '알림', rows: [{ label: '새 메시지 알림', toggle: true }, { label: '미리보기 표시', toggle: true }, { label: '알림음', value: '톡플러스 기본' }, { label: '진동', toggle: false }], focus: 0, alt: '톡플러스 설정의 알림 메뉴에서 새 메시지 알림 스위치가 켜진 모습' },
  { topic: 'do-not-disturb', title: '알림', section: '알림', rows: [{ label: '새 메시지 알림', toggle: true }, { label: '방해 금지 시간', toggle: true }, { label: '시작', value: '오후 11:00' }, { label: '종료', value: '오전 7:00' }], focus: 1, alt: '톡플러스 설정의 알림 메뉴에서 방해 금지 시간이 켜지고 오후 11시부터 오전 7시까지로 정해진 모습' },
  { topic: 'change-language', title: '언어', section: '일반', rows: [{ label: '앱 언어', value: '한국어' }, { label: '번역 언어', value: 'English' }, { label: '맞춤법 검사', toggle: true }], focus: 0, alt: '톡플러스 설정의 일반 메뉴에서 앱 언어가 한국어로 선택된 모습' },
  { topic: 'clear-storage', title: '저장 공간', section: '저장 공간', rows: [{ label: '사용 중', value: '2.4GB' }, { label: '캐시 데이터', value: '812MB' }, { label: '캐시 삭제' }, { label: '사진·동영상 자동 저장', toggle: false }], focus: 2, alt: '톡플러스 설정의 저장 공간 메뉴에서 캐시 삭제 버튼이 강조된 모습' },
  { topic: 'backup-chats', title: '채팅 백업', section: '채팅', rows: [{ label: '마지막 백업', value: '3일 전' }, { label: '지금 백업하기' }, { label: '자동 백업', toggle: true }, { label: '백업 복원' }], focus: 1, alt: '톡플러스 설정의 채팅 백업 메뉴에서 지금 백업하기가 강조된 모습' },
  { topic: 'manage-blocked-friends', title: '차단 친구 관리', section: '친구', rows: [{ label: '김하늘', value: '차단 해제' }, { label: '이도윤', value: '차단 해제' }, { label: '박서연', value: '차단 해제' }], focus: 0, alt: '톡플러스 친구 설정의 차단 친구 관리 목록에서 차단 해제 버튼이 보이는 모습' },
  { topic: 'block-friend', title: '친구 관리', section: '친구', rows: [{ label: '이름 변경' }, { label: '즐겨찾기에 추가' }, { label: '숨김' }, { label: '차단' }], focus: 3, alt: '톡플러스에서 친구의 관리 메뉴를 연 모습, 차단이 강조되어 있음' },
  { topic: 'logout', title: '계정', section: '계정', rows: [{ label: '톡플러스 계정', value: 'user@talkplus.example' }, { label: '비밀번호 변경' }, { label: '로그인 기기 관리' }, { label: '로그아웃' }], focus: 3, alt: '톡플러스 설정의 계정 메뉴에서 로그아웃이 강조된 모습' },
  { topic: 'two-step-verification', title: '2단계 인증', section: '개인정보 보호', rows: [{ label: '2단계 인증 사용', toggle: true }, { label: '인증 방법', value: '인증 앱' }, { label: '예비 코드 보기' }], focus: 0, alt: '톡플러스 설정의 개인정보 보호 메뉴에서 2단계 인증 사용 스위치가 켜진 모습' },
  { topic: 'manage-login-devices', title: '로그인 기기 관리', section: '개인정보 보호', rows: [{ label: '이 기기', value: '사용 중' }, { label: 'Galaxy S24', value: '로그아웃' }, { label: 'MacBook Air', value: '로그아웃' }, { label: 'Windows PC', value: '로그아웃' }], focus: 1, alt: '톡플러스 설정의 로그인 기기 관리 목록에서 다른 기기의 로그아웃 버튼이 보이는 모습' },
];

const ACCENT = '#2f6fde';
const esc = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const text = (x: number, y: number, value: string, size: number, fill: string, extra = ''): string =>
  `<text x="${x}" y="${y}" font-family="${FONT}" font-size="${size}" fill="${fill}" ${extra}>${esc(value)}</text>`;

function toggle(x: number, y: number, on: boolean, style: 'android' | 'ios' | 'windows' | 'macos'): string {
  const width = style === 'ios' ? 44 : style === 'macos' ? 30 : 40;
  const height = style === 'ios' ? 26 : style === 'macos' ? 18 : 20;
  const r = height / 2;
  const knob = on ? x + width - r : x + r;
  const track = on ? (style === 'ios' ? '#34c759' : ACCENT) : style === 'windows' ? '#ffffff' : '#c7c7cc';
  const stroke = style === 'windows' && !on ? ' stroke="#5f5f5f" stroke-width="1"' : '';
  const knobFill = style === 'windows' && !on ? '#5f5f5f' : '#ffffff';
  return `<rect x="${x}" y="${y - r}" width="${width}" height="${height}" rx="${r}" fill="${track}"${stroke}/><circle cx="${knob}" cy="${y}" r="${r - (style === 'windows' ? 5 : 2)}" fill="${knobFill}"/>`;
}

/** Rows of a list, right-aligned values, a highlighted focus row. */
function rows(screen: Screen, x: number, y: number, width: number, rowHeight: number, style: Device): string {
  return screen.rows
    .map((row, i) => {
      const top = y + i * rowHeight;
      const middle = top + rowHeight / 2;
      const focused = i === screen.focus;
      const parts = [
        focused ? `<rect x="${x + 2}" y="${top + 2}" width="${width - 4}" height="${rowHeight - 4}" rx="6" fill="#e8f0fe" stroke="${ACCENT}" stroke-width="2"/>` : '',
        i > 0 && !focused && i - 1 !== screen.focus && style !== 'windows' ? `<line x1="${x + 14}" y1="${top}" x2="${x + width}" y2="${top}" stroke="#e1e1e6"/>` : '',
        text(x + 16, middle + 5, row.label, 14, row.label === '로그아웃' || row.label === '차단' ? '#d93025' : '#1c1c1e', focused ? 'font-weight="700"' : ''),
      ];
      if (row.toggle !== undefined) parts.push(toggle(x + width - (style === 'ios' ? 60 : 54), middle, row.toggle, style));
      else if (row.value) parts.push(text(x + width - 16, middle + 5, row.value, 13, row.value === '로그아웃' || row.value === '차단 해제' ? ACCENT : '#6e6e73', 'text-anchor="end"'));
      else if (style === 'ios' || style === 'macos') parts.push(text(x + width - 20, middle + 5, '›', 18, '#aeaeb2'));
      return parts.join('');
    })
    .join('\n');
}

function android(screen: Screen): string {
  const w = 320;
  const h = 560;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`,
    `<rect width="${w}" height="${h}" rx="24" fill="#1f1f1f"/>`,
    `<rect x="8" y="8" width="${w - 16}" height="${h - 16}" rx="18" fill="#fdfcff"/>`,
    // Status bar: time left, camera punch-hole in the middle, battery right.
    text(24, 32, '9:41', 12, '#1c1b1f', 'font-weight="700"'),
    `<circle cx="${w / 2}" cy="27" r="6" fill="#1f1f1f"/>`,
    `<rect x="${w - 48}" y="21" width="22" height="11" rx="2" fill="none" stroke="#1c1b1f"/><rect x="${w - 46}" y="23" width="15" height="7" fill="#1c1b1f"/>`,
    // Material top app bar: back arrow and a left-aligned title.
    text(22, 78, '←', 22, '#1c1b1f'),
    text(56, 77, screen.title, 20, '#1c1b1f'),
    rows(screen, 16, 104, w - 32, 56, 'android'),
    // Gesture bar.
    `<rect x="${w / 2 - 50}" y="${h - 22}" width="100" height="4" rx="2" fill="#1c1b1f"/>`,
    '</svg>',
  ].join('\n');
}

function ios(screen: Screen): string {
  const w = 320;
  const h = 560;
  const listTop = 140;
  const listHeight = screen.rows.length * 48;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`,
    `<rect width="${w}" height="${h}" rx="40" fill="#111"/>`,
    `<rect x="8" y="8" width="${w - 16}" height="${h - 16}" rx="33" fill="#f2f2f7"/>`,
    // Dynamic Island and the status bar around it.
    `<rect x="${w / 2 - 44}" y="18" width="88" height="24" rx="12" fill="#111"/>`,
    text(36, 36, '9:41', 13, '#000', 'font-weight="700"'),
    `<rect x="${w - 56}" y="26" width="24" height="12" rx="3" fill="none" stroke="#000"/><rect x="${w - 54}" y="28" width="18" height="8" rx="1.5" fill="#000"/>`,
    // Back button and a large title, as iOS settings screens have.
    text(20, 74, '‹ 설정', 16, '#007aff'),
    text(24, 118, screen.title, 28, '#000', 'font-weight="700"'),
    `<rect x="16" y="${listTop}" width="${w - 32}" height="${listHeight}" rx="10" fill="#fff"/>`,
    rows(screen, 16, listTop, w - 32, 48, 'ios'),
    `<rect x="${w / 2 - 60}" y="${h - 22}" width="120" height="5" rx="2.5" fill="#000"/>`,
    '</svg>',
  ].join('\n');
}

const DESKTOP_SECTIONS = ['일반', '계정', '친구', '채팅', '알림', '화면', '개인정보 보호', '저장 공간'];

function windows(screen: Screen): string {
  const w = 640;
  const h = 400;
  const nav = DESKTOP_SECTIONS.map((name, i) => {
    const y = 84 + i * 36;
    const current = name === screen.section;
    return [
      current ? `<rect x="12" y="${y - 22}" width="164" height="32" rx="4" fill="#eaeaea"/><rect x="12" y="${y - 14}" width="3" height="16" rx="1.5" fill="${ACCENT}"/>` : '',
      text(28, y, name, 13, '#1a1a1a', current ? 'font-weight="700"' : ''),
    ].join('');
  }).join('\n');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`,
    // Windows 11: square-ish corners, Mica title bar, caption buttons on the right.
    `<rect x="0.5" y="0.5" width="${w - 1}" height="${h - 1}" rx="8" fill="#f3f3f3" stroke="#c8c8c8"/>`,
    text(16, 26, '톡플러스 설정', 12, '#1a1a1a'),
    text(w - 128, 27, '—', 12, '#1a1a1a'),
    `<rect x="${w - 83}" y="15" width="11" height="11" fill="none" stroke="#1a1a1a"/>`,
    `<path d="M${w - 36} 16 l10 10 M${w - 26} 16 l-10 10" stroke="#1a1a1a" stroke-width="1.2"/>`,
    nav,
    `<rect x="188" y="44" width="${w - 200}" height="${h - 56}" rx="8" fill="#ffffff" stroke="#e5e5e5"/>`,
    text(208, 80, screen.title, 22, '#1a1a1a', 'font-weight="700"'),
    rows(screen, 200, 100, w - 224, 52, 'windows'),
    '</svg>',
  ].join('\n');
}

function macos(screen: Screen): string {
  const w = 640;
  const h = 400;
  const nav = DESKTOP_SECTIONS.map((name, i) => {
    const y = 84 + i * 32;
    const current = name === screen.section;
    return [
      current ? `<rect x="10" y="${y - 19}" width="160" height="26" rx="6" fill="${ACCENT}"/>` : '',
      text(26, y, name, 13, current ? '#ffffff' : '#1d1d1f'),
    ].join('');
  }).join('\n');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`,
    // macOS: rounded window, translucent sidebar, traffic lights on the left, centred title.
    `<rect x="0.5" y="0.5" width="${w - 1}" height="${h - 1}" rx="12" fill="#ffffff" stroke="#c6c6c8"/>`,
    `<path d="M12.5 0.5 H180 V${h - 0.5} H12.5 A12 12 0 0 1 0.5 ${h - 12.5} V12.5 A12 12 0 0 1 12.5 0.5 Z" fill="#e8e6ea"/>`,
    `<circle cx="20" cy="20" r="6" fill="#ff5f57"/><circle cx="40" cy="20" r="6" fill="#febc2e"/><circle cx="60" cy="20" r="6" fill="#28c840"/>`,
    text((w + 180) / 2, 25, screen.title, 13, '#1d1d1f', 'text-anchor="middle" font-weight="700"'),
    nav,
    `<rect x="200" y="56" width="${w - 220}" height="${screen.rows.length * 46}" rx="8" fill="#f5f5f7"/>`,
    rows(screen, 200, 56, w - 220, 46, 'macos'),
    '</svg>',
  ].join('\n');
}

const DRAW: Record<Device, (screen: Screen) => string> = { android, ios, windows, macos };

export const pictureName = (topic: string, device: Device): string => `${topic}-${device}`;

export function renderPng(svg: string): Buffer {
  const resvg = new Resvg(svg, { font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT } });
  return Buffer.from(resvg.render().asPng());
}

function main(): void {
  const check = process.argv.includes('--check');
  const missing = FONT_FILES.filter((file) => !existsSync(file));
  if (missing.length) throw new Error(`the font files ${missing.join(', ')} are missing; install fonts-noto-cjk`);
  mkdirSync(IMAGES_DIR, { recursive: true });
  const stale: string[] = [];
  for (const screen of SCREENS) {
    for (const device of DEVICES) {
      const name = pictureName(screen.topic, device);
      const svg = `${DRAW[device](screen)}\n`;
      const png = renderPng(svg);
      const svgFile = join(IMAGES_DIR, `${name}.svg`);
      const pngFile = join(IMAGES_DIR, `${name}.png`);
      if (check) {
        if (!existsSync(pngFile) || !readFileSync(pngFile).equals(png) || readFileSync(svgFile, 'utf8') !== svg) stale.push(name);
        continue;
      }
      writeFileSync(svgFile, svg);
      writeFileSync(pngFile, png);
    }
  }
  if (stale.length) {
    process.stderr.write(`sample pictures out of date: ${stale.join(', ')}; run npx tsx tests/support/sample-pictures.ts\n`);
    process.exit(1);
  }
  process.stdout.write(`${check ? 'checked' : 'wrote'} ${SCREENS.length * DEVICES.length} sample pictures in ${IMAGES_DIR}\n`);
}

if (require.main === module) main();
