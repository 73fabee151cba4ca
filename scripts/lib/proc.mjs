// Small process and file helpers shared by scripts/test-package.mjs and scripts/bench.mjs.
import { spawn } from 'node:child_process';

/**
 * Runs a command without a shell; resolves with its output, rejects (with the output in the
 * message) on a non-zero exit or after `timeoutMs`.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: Record<string, string | undefined>, timeoutMs?: number, echo?: boolean }} [options]
 * @returns {Promise<{ stdout: string, stderr: string, ms: number }>}
 */
export function run(command, args, options = {}) {
  const { cwd, env, timeoutMs = 180_000, echo = false } = options;
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (echo) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (echo) process.stderr.write(chunk);
    });
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`${command} ${args.join(' ')}: no answer after ${timeoutMs / 1000} s\n${tail(stdout + stderr)}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      if (code === 0) resolvePromise({ stdout, stderr, ms });
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}\n${tail(stdout + stderr)}`));
    });
  });
}

/** The last `lines` lines of a text (for failure messages). */
export function tail(text, lines = 60) {
  const all = String(text).trimEnd().split('\n');
  return (all.length > lines ? ['…', ...all.slice(-lines)] : all).join('\n');
}

/** Seconds since `started` (a performance.now() value), one decimal. */
export function seconds(started) {
  return `${((performance.now() - started) / 1000).toFixed(1)} s`;
}
