import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

export type ServerProcess = { name: string; url: string; pid: number; stop(): Promise<void> };

const children = new Set<ChildProcess>();

// A benchmark interrupted by Ctrl-C or a failure must not leave servers holding ports and databases.
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
// Node ends on a signal without running 'exit' handlers; a bench stopped by `kill` or `timeout` runs them too.
for (const [signal, code] of [
  ['SIGTERM', 143],
  ['SIGINT', 130],
] as const) {
  process.once(signal, () => process.exit(code));
}

/**
 * Starts `node <args>` and waits until a line of its standard output gives the URL it serves (`readUrl`
 * returns it), failing after `timeoutMs` with what the process printed.
 */
export async function startServerProcess(o: {
  name: string;
  args: string[];
  env?: Record<string, string>;
  readUrl: (line: string) => string | undefined;
  timeoutMs: number;
}): Promise<ServerProcess> {
  const child = spawn(process.execPath, o.args, {
    env: { ...process.env, ...o.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not start within ${o.timeoutMs} ms`), o.timeoutMs);
    function fail(reason: string) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${o.name} ${reason}. Its output:\n${output.slice(-2000)}`));
    }
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of output.split('\n')) {
        const found = o.readUrl(line.trim());
        if (found) {
          clearTimeout(timer);
          resolve(found);
          return;
        }
      }
    });
    child.once('exit', (code) => fail(`exited with code ${code}`));
  });
  return {
    name: o.name,
    url,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      children.delete(child);
    },
  };
}
