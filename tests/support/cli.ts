/**
 * Runs the `doum` command line in a process of its own, as a person would, without blocking
 * this one (a test's servers must keep answering while it runs).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  /** DOUM_DATA_DIR: where the CLI keeps its files when no --db is given. */
  dataDir?: string;
  /** Standard input (closed after it). */
  input?: string;
}

export function runDoum(args: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'electron', 'cli', 'index.ts'), ...args], {
      cwd: REPO,
      env: options.dataDir === undefined ? process.env : { ...process.env, DOUM_DATA_DIR: options.dataDir },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
