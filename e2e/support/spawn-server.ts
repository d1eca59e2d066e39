import { type ChildProcess, spawn } from 'node:child_process';

/** Starts a server process and resolves once its health URL answers 2xx; rejects if it exits first. */
export async function spawnServer(
  command: string,
  args: string[],
  env: Record<string, string>,
  healthUrl: string,
  timeoutMs = 90_000,
): Promise<ChildProcess> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode} before answering`);
    if (await fetch(healthUrl).then((r) => r.ok, () => false)) return child;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGTERM');
  throw new Error(`${command} did not answer at ${healthUrl} within ${timeoutMs / 1000} s`);
}
