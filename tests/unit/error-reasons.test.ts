/**
 * Errors people can act on, in their language: every reason code has a sentence in Korean and
 * English, a refusal of the real service crosses the seam with its reason and parameters, and
 * the renderer words it from the reason while the core's English stays the detail.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dispatch } from '../../electron/core/dispatch';
import type { HelpCenter } from '../../electron/core/help-center';
import { dataFilesForContentDb } from '../../electron/core/paths';
import type { HelpMethod } from '../../shared/api';
import { createHelpApiClient, decodeBridgedError, encodeBridgedError } from '../../shared/api-client';
import { ERROR_REASONS, HelpApiError, isApiErrorPayload, type ApiResponse } from '../../shared/errors';
import { translate, type UiLanguage } from '../../renderer/src/i18n';
import { describeError, REASON_MESSAGES } from '../../renderer/src/lib/errors';
import { BASE_ARTICLES, buildTestFeed } from '../support/sync-fixtures';
import { removeTempDirs, tempDir } from '../support/temp';
import { fastSourceFor, openTestHelpCenter } from '../support/help-center';

afterAll(removeTempDirs);

/** Values for the reasons whose sentence names something. */
const SAMPLE_PARAMS = { settings: '피드 주소', id: 'report-message' };

/** Latin words a Korean sentence may keep: product names and what people type. */
const KEPT_LATIN = [/zendesk:https:\/\/\S+/g, /https?:\/\/\S*/g, /\b(?:Zendesk|https?|Doum)\b/g];

function withoutKeptLatin(text: string): string {
  return KEPT_LATIN.reduce((rest, pattern) => rest.replace(pattern, ''), text);
}

const tIn = (language: UiLanguage) => (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(language, key, params);

describe('every reason has words', () => {
  it.each(ERROR_REASONS)('%s: a Korean sentence without raw English, and an English one', (reason) => {
    const ko = translate('ko', REASON_MESSAGES[reason], SAMPLE_PARAMS);
    const en = translate('en', REASON_MESSAGES[reason], SAMPLE_PARAMS);
    expect(ko.trim()).not.toBe('');
    expect(en.trim()).not.toBe('');
    expect(ko).not.toBe(en);
    // Every placeholder is filled, and nothing English is left in the Korean sentence.
    expect(ko).not.toMatch(/\{\w+\}/);
    expect(en).not.toMatch(/\{\w+\}/);
    expect(withoutKeptLatin(ko)).not.toMatch(/[A-Za-z]/);
    expect(ko).toMatch(/[가-힣]/);
  });

  it('gives each reason its own sentence', () => {
    const keys = ERROR_REASONS.map((reason) => REASON_MESSAGES[reason]);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

function open(options: { policyFile?: string } = {}): Promise<HelpCenter> {
  const root = tempDir();
  buildTestFeed(join(root, 'content'), join(root, 'bundled'), BASE_ARTICLES);
  return openTestHelpCenter({
    files: dataFilesForContentDb(join(root, 'content.db')),
    bundledFeedDir: join(root, 'bundled'),
    sourceFor: fastSourceFor,
    policyFile: options.policyFile ?? join(root, 'no-policy.json'),
  });
}

/** The client the renderer uses, over the server side of the seam, through JSON as on the wire. */
function clientOf(center: HelpCenter) {
  return createHelpApiClient({
    invoke: async (method: HelpMethod, args: unknown[]) => JSON.parse(JSON.stringify(await dispatch(center.service, method, args))) as ApiResponse<unknown>,
    subscribe: () => () => undefined,
  });
}

async function rejection(call: Promise<unknown>): Promise<HelpApiError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HelpApiError);
  return error as HelpApiError;
}

describe('a refusal crosses the seam with its reason', () => {
  it('a feed address the core refuses: reason in the payload, Korean headline, English detail', async () => {
    const center = await open();
    try {
      const payload = await dispatch(center.service, 'setSettings', [{ feedUrl: 'zendesk:http://help.example.com' }]);
      expect(payload).toMatchObject({ ok: false, error: { code: 'invalid-argument', reason: 'zendesk-needs-https', message: 'a Zendesk help center must be an https:// address' } });

      const error = await rejection(clientOf(center).setSettings({ feedUrl: 'zendesk:http://help.example.com' }));
      expect(error).toMatchObject({ code: 'invalid-argument', reason: 'zendesk-needs-https' });
      const ko = describeError(error, tIn('ko'));
      expect(ko.message).toBe('Zendesk 도움말 센터는 https:// 주소로만 받을 수 있습니다. 주소를 https://로 바꾸세요.');
      expect(ko.detail).toBe('a Zendesk help center must be an https:// address');
      expect(describeError(error, tIn('en')).message).toBe('A Zendesk help center can only be synced over https://. Change the address to https://.');
      expect((await center.service.getSettings()).feedUrl).toBeNull();
    } finally {
      center.close();
    }
  });

  it('a setting the policy fixes: the locked settings travel as params and are named as Settings names them', async () => {
    const policyFile = join(tempDir(), 'policy.json');
    writeFileSync(policyFile, JSON.stringify({ feedUrl: 'https://help.example.com/feed' }));
    const center = await open({ policyFile });
    try {
      const error = await rejection(clientOf(center).setSettings({ feedUrl: 'https://other.example.com/feed' }));
      expect(error).toMatchObject({ code: 'refused', reason: 'setting-locked', params: { settings: 'feedUrl' } });
      expect(describeError(error, tIn('ko')).message).toBe('피드 주소 설정은 관리자의 정책으로 정해져 있어 여기서 바꿀 수 없습니다.');
      expect(describeError(error, tIn('en')).message).toBe('Feed URL is set by your administrator’s policy and cannot be changed here.');
    } finally {
      center.close();
    }
  });

  it('an unknown article: not-found with the id as a param', async () => {
    const center = await open();
    try {
      const error = await rejection(clientOf(center).recordView('no-such-article'));
      expect(error).toMatchObject({ code: 'not-found', reason: 'article-not-found', params: { id: 'no-such-article' } });
      expect(error.message).toContain('no-such-article');
    } finally {
      center.close();
    }
  });

  it('a failed sync: the failure kind is the reason, worded by the sync sentence', async () => {
    const center = await open();
    try {
      await center.service.setSettings({ feedUrl: join(tempDir(), 'missing-feed') });
      const error = await rejection(clientOf(center).syncNow());
      expect(error).toMatchObject({ code: 'sync-failed', reason: 'not-found' });
      const ko = describeError(error, tIn('ko'), 'sync.error.unknown');
      expect(ko.message).toBe(translate('ko', 'sync.error.not-found'));
      expect(ko.detail).toMatch(/does not exist/);
    } finally {
      center.close();
    }
  });

  it('arguments that fail the checks: invalid-request', async () => {
    const center = await open();
    try {
      expect(await dispatch(center.service, 'getArticle', [42])).toMatchObject({ ok: false, error: { code: 'invalid-argument', reason: 'invalid-request' } });
    } finally {
      center.close();
    }
  });
});

describe('the payload', () => {
  it('survives the contextBridge encoding with reason and params', () => {
    const error = new HelpApiError('refused', 'feedUrl is set by your administrator', 'setting-locked', { settings: 'feedUrl,updateUrl' });
    const decoded = decodeBridgedError(encodeBridgedError(error.toPayload()));
    expect(decoded).toBeInstanceOf(HelpApiError);
    expect(decoded).toMatchObject({ code: 'refused', reason: 'setting-locked', params: { settings: 'feedUrl,updateUrl' }, message: 'feedUrl is set by your administrator' });
    expect(describeError(decoded, tIn('ko')).message).toBe('피드 주소, 업데이트 주소 설정은 관리자의 정책으로 정해져 있어 여기서 바꿀 수 없습니다.');
  });

  it('drops a reason or params this side does not know, and words the error by the fallback', () => {
    const payload: unknown = JSON.parse('{"code":"internal","message":"boom","reason":"from-the-future","params":{"x":{"nested":true}}}');
    expect(isApiErrorPayload(payload)).toBe(true);
    if (!isApiErrorPayload(payload)) return;
    const error = HelpApiError.fromPayload(payload);
    expect(error.reason).toBeUndefined();
    expect(error.params).toBeUndefined();
    expect(describeError(error, tIn('ko'), 'search.error')).toEqual({ message: translate('ko', 'search.error'), detail: 'boom' });
  });

  it('words an error without a reason (a fault in the page) by the fallback, its text as the detail', () => {
    expect(describeError(new TypeError('x is undefined'), tIn('ko'))).toEqual({ message: translate('ko', 'common.error'), detail: 'x is undefined' });
  });
});
