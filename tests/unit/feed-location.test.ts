/**
 * The feed-location rule (shared/feed-location.ts), one for the Settings field as it is typed
 * and for the core that saves it: URLs, absolute folder paths on every OS, Zendesk help
 * centers; each refusal with its reason, and the core refusing the same way as a RequestError.
 */
import { describe, expect, it } from 'vitest';
import { readFeedLocation, readUpdateUrl, type FeedLocationProblem } from '../../shared/feed-location';
import { RequestError } from '../../electron/core/errors';
import { checkFeedLocation, checkTrustSettings } from '../../electron/core/service';

describe('a feed location', () => {
  it.each([
    ['https://help.example.com/feed', 'url', 'https://help.example.com/feed'],
    ['  HTTPS://Help.Example.com/feed  ', 'url', 'https://help.example.com/feed'],
    ['http://127.0.0.1:8080/feed/', 'url', 'http://127.0.0.1:8080/feed/'],
    ['https://cdn.example.com/doum/manifest.json', 'url', 'https://cdn.example.com/doum/manifest.json'],
    ['/srv/doum/feed', 'folder', '/srv/doum/feed'],
    ['C:\\Doum\\feed', 'folder', 'C:\\Doum\\feed'],
    ['d:/doum/feed', 'folder', 'd:/doum/feed'],
    ['\\\\fileserver\\help\\feed', 'folder', '\\\\fileserver\\help\\feed'],
    ['zendesk:https://help.example.com/hc/ko', 'zendesk', 'zendesk:https://help.example.com/hc/ko'],
    [' Zendesk: https://acme.zendesk.com ', 'zendesk', 'zendesk:https://acme.zendesk.com/'],
    ['zendesk:http://127.0.0.1:9000', 'zendesk', 'zendesk:http://127.0.0.1:9000/'],
  ])('takes %j as a %s', (text, kind, location) => {
    expect(readFeedLocation(text)).toEqual({ ok: true, kind, location });
    expect(checkFeedLocation(text)).toBe(location);
  });

  it.each<[string, FeedLocationProblem, RegExp]>([
    ['', 'empty', /no feed location/],
    ['   ', 'empty', /no feed location/],
    ['ftp://help.example.com/feed', 'not-a-location', /must be an http:\/\/ or https:\/\/ URL, or an absolute folder path/],
    ['file:///srv/feed', 'not-a-location', /absolute folder path/],
    ['feeds/help', 'not-a-location', /absolute folder path/],
    ['feeds\\help', 'not-a-location', /absolute folder path/],
    ['C:feeds', 'not-a-location', /absolute folder path/],
    ['~/feed', 'not-a-location', /absolute folder path/],
    ['help.example.com/feed', 'not-a-location', /absolute folder path/],
    ['https://', 'invalid-url', /"https:\/\/" is not a valid URL/],
    ['https://exa mple.com/feed', 'invalid-url', /is not a valid URL/],
    ['https://user:secret@help.example.com/feed', 'credentials', /must not contain a user name or password/],
    ['zendesk:help.example.com', 'zendesk-not-a-url', /zendesk:https:\/\/help\.example\.com/],
    ['zendesk:', 'zendesk-not-a-url', /zendesk:https:\/\/help\.example\.com/],
    ['zendesk:/srv/feed', 'zendesk-not-a-url', /zendesk:https:\/\/help\.example\.com/],
    ['zendesk:http://help.example.com', 'zendesk-not-https', /must be an https:\/\/ address/],
    ['zendesk:https://me:pw@help.example.com', 'credentials', /user name or password/],
  ])('refuses %j: %s', (text, problem, message) => {
    const read = readFeedLocation(text);
    expect(read).toEqual({ ok: false, problem, message: expect.stringMatching(message) });
    expect(() => checkFeedLocation(text)).toThrow(RequestError);
    expect(() => checkFeedLocation(text)).toThrow(message);
  });

  it('has a sibling for the update URL: https only (plain http to this machine), no user name or password', () => {
    expect(readUpdateUrl(' https://updates.example.com/doum ')).toEqual({ ok: true, url: 'https://updates.example.com/doum' });
    expect(readUpdateUrl('http://127.0.0.1:8080/')).toEqual({ ok: true, url: 'http://127.0.0.1:8080/' });
    for (const text of ['http://updates.example.com/', 'ftp://updates.example.com/', 'C:\\updates', '/srv/updates', 'zendesk:https://help.example.com', '']) {
      expect(readUpdateUrl(text)).toEqual({ ok: false, message: 'the update URL must be an https:// URL' });
    }
    expect(readUpdateUrl('https://me:pw@updates.example.com/')).toEqual({ ok: false, message: 'the update URL must not contain a user name or password' });
    expect(readUpdateUrl('https://')).toEqual({ ok: false, message: '"https://" is not a valid URL' });
  });

  it('is checked in the security settings, with the update URL held to https', () => {
    expect(checkTrustSettings({ feedUrl: ' zendesk:https://help.example.com/hc/ko ' }).feedUrl).toBe('zendesk:https://help.example.com/hc/ko');
    expect(() => checkTrustSettings({ feedUrl: 'feeds/help' })).toThrow(/absolute folder path/);
    expect(checkTrustSettings({ updateUrl: 'https://updates.example.com/doum' }).updateUrl).toBe('https://updates.example.com/doum');
    expect(() => checkTrustSettings({ updateUrl: 'C:\\updates' })).toThrow(/the update URL must be an https:\/\/ URL/);
    expect(() => checkTrustSettings({ updateUrl: 'http://updates.example.com/' })).toThrow(/the update URL must be an https:\/\/ URL/);
  });
});
