/**
 * The engine of `ipwatch match` (Node only): read listings as JSON Lines from a stream, match each
 * against one matcher built once, write one JSON line per input line in input order. A malformed line
 * stops the run with an error naming its line number; the lines before it are already written, nothing
 * is written for it or after it.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { MatchInput } from '../schema/match.ts';
import type { Matcher } from './index.ts';

/** A line of input that is not a listing; `line` is 1-based. */
export class MalformedLineError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
    readonly source: string,
  ) {
    super(`${source}:${line}: dòng không hợp lệ / malformed line: ${reason}. Sửa dòng này rồi chạy lại / fix this line and run again.`);
    this.name = 'MalformedLineError';
  }
}

/** The output object for one listing (the CLI's line format). */
export function outputLine(id: MatchInput['id'], m: ReturnType<Matcher['match']>): string {
  return JSON.stringify({ id, hits: m.hits, cues: m.cues, signals: m.signals, risk: m.risk, basis: m.basis });
}

/** Match every line of `input`, writing results to `output`; resolves with the number of listings matched. */
export async function matchLines(matcher: Matcher, input: Readable, output: Writable, source = 'stdin'): Promise<number> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let count = 0;
  let buffer = '';
  const flush = async () => {
    if (buffer.length === 0) return;
    const chunk = buffer;
    buffer = '';
    if (!output.write(chunk)) await new Promise<void>((resolve) => output.once('drain', resolve));
  };
  try {
    for await (const line of rl) {
      lineNo++;
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (err) {
        throw new MalformedLineError(lineNo, `not JSON (${(err as Error).message})`, source);
      }
      const parsed = MatchInput.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new MalformedLineError(lineNo, `field "${issue.path.join('.') || '(line)'}": ${issue.message}`, source);
      }
      buffer += outputLine(parsed.data.id, matcher.match(parsed.data)) + '\n';
      count++;
      if (buffer.length > 64 * 1024) await flush();
    }
  } finally {
    await flush();
    rl.close();
  }
  return count;
}
