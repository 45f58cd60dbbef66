/** What the command-line tools share: their IO (injected, so tests run `main` without spawning) and startup. */
import { closeSync, openSync, readSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { inertText } from '../app/links/inert';
import { formatCount } from '../app/links/limits';
import { utf8ByteLength } from '../core/text/utf8';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads at most `bytesMax` + 1 bytes of a file (one more than allowed tells the caller it is too big). */
  readFile(path: string, bytesMax: number): string;
}

/** Node's IO: the process's streams, and a file read that stops after `bytesMax` + 1 bytes. */
export const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile(path, bytesMax) {
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(bytesMax + 1);
      let length = 0;
      for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
      return buffer.subarray(0, length).toString('utf8');
    } finally {
      closeSync(fd);
    }
  },
};

/** Parsed arguments that ask for help or are malformed; a tool's own kinds pass through. */
export type UsageArgs = { kind: 'help' } | { kind: 'usage-error'; message: string };

/** Answers `--help` (the usage, exit 0) or a usage error (the message and a pointer to --help, exit 2). */
export function answerUsage(args: UsageArgs, io: Pick<CliIo, 'stdout' | 'stderr'>, usage: string): number {
  if (args.kind === 'help') {
    io.stdout(usage);
    return 0;
  }
  io.stderr(`${args.message}\nRun with --help for usage.\n`);
  return 2;
}

/** Runs `main` with the process's arguments when `moduleUrl` is the script Node was started with. */
export function runIfMain(moduleUrl: string, main: (argv: readonly string[]) => Promise<number>): void {
  if (process.argv[1] !== undefined && moduleUrl === pathToFileURL(process.argv[1]).href) {
    main(process.argv.slice(2)).then((code) => {
      process.exitCode = code;
    });
  }
}

/**
 * `io` with everything it writes made inert (../app/links/inert.ts): an argument, a file name or a log line
 * echoed back cannot send the terminal escape sequences or reorder the line. Every tool's `main` writes through it.
 */
export function inertIo<T extends Pick<CliIo, 'stdout' | 'stderr'>>(io: T): T {
  return { ...io, stdout: (text: string) => io.stdout(inertText(text)), stderr: (text: string) => io.stderr(inertText(text)) };
}

/**
 * Reads a whole text file under a limit named in bytes, comparing bytes with bytes (a character count
 * undercounts anything outside ASCII), and never hands back part of a file: over the limit is refused.
 * `io.readFile` stops one byte past the limit, and a cut character decodes to U+FFFD (3 bytes), so a file
 * over the limit always measures over it.
 */
export function readTextFile(io: Pick<CliIo, 'readFile'>, path: string, bytesMax: number, what: string): { ok: true; text: string } | { ok: false; message: string } {
  let text: string;
  try {
    text = io.readFile(path, bytesMax);
  } catch (error) {
    return { ok: false, message: `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (utf8ByteLength(text) > bytesMax) return { ok: false, message: `${what} ${path}: it is over ${formatCount(bytesMax)} bytes (the limit)` };
  return { ok: true, text };
}
