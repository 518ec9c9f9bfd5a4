/**
 * The administrator's machine-wide policy: a JSON file an IT department deploys (it needs
 * administrator rights to write there) that fixes the settings deciding what Doum trusts —
 * the feed URL, the pinned feed key and the update URL. Fixed settings override the
 * person's own, cannot be changed from Settings or `doum settings set`, and show as locked
 * ("관리자가 설정함").
 *
 *   Windows  %ProgramData%\Doum\policy.json      (C:\ProgramData\Doum\policy.json)
 *   macOS    /Library/Application Support/Doum/policy.json
 *   Linux    /etc/doum/policy.json
 *
 * `DOUM_POLICY_FILE` names another file (tests, and setups that keep it elsewhere). A missing
 * file means no policy; a file that exists but cannot be read or checked is an error, so a
 * typo never quietly lifts a lock.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SECURITY_SETTINGS, type SecuritySetting } from '../../shared/api';
import type { Settings } from '../../shared/types';
import { nullable, object, optional, string, ValidationError } from '../../shared/validate';

/** What a policy may fix: exactly the security settings. */
export const POLICY_KEYS = SECURITY_SETTINGS;
export type AdminPolicy = Partial<Pick<Settings, SecuritySetting>>;

export class PolicyError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`the administrator's policy file ${file} ${problem}; ask your administrator to fix it`);
    this.name = 'PolicyError';
  }
}

export function defaultPolicyFile(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (env.DOUM_POLICY_FILE) return env.DOUM_POLICY_FILE;
  if (platform === 'win32') return join(env.ProgramData ?? 'C:\\ProgramData', 'Doum', 'policy.json');
  if (platform === 'darwin') return '/Library/Application Support/Doum/policy.json';
  return '/etc/doum/policy.json';
}

const checkPolicyShape = object({
  feedUrl: optional(nullable(string({ min: 1, max: 2048 }))),
  feedPublicKey: optional(nullable(string({ min: 1, max: 200 }))),
  updateUrl: optional(nullable(string({ min: 1, max: 2048 }))),
});

/**
 * Reads the policy; `check` applies the same checks as Settings (feed location, key, update
 * URL) and returns the normalized values. Throws PolicyError for a damaged file.
 */
export function readPolicy(file: string, check: (policy: AdminPolicy) => AdminPolicy): AdminPolicy {
  if (!existsSync(file)) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PolicyError(file, `cannot be read as JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    return check(checkPolicyShape(raw));
  } catch (error) {
    if (error instanceof ValidationError || error instanceof Error) throw new PolicyError(file, `is not valid (${error.message})`);
    throw error;
  }
}
