/**
 * The two embeds written as blocks: an opening line, lines of their own small syntax, a closing line.
 *
 * Care timeline, steps before and after a procedure, grouped under plain lines that name the phase:
 *
 *   [[timeline:Caring for your scalp around a session]]
 *   Before
 *   - 72 hours before | Stop taking NSAIDs such as ibuprofen.
 *   - On the day | Eat a full meal.
 *   After
 *   - 24 to 72 hours | Skip strenuous exercise.
 *   [[/timeline]]
 *
 * Each step is `- when | what to do` (the second part may carry inline Markdown: emphasis, a link). A line not
 * starting with `-` starts a phase ("Before", "After:"); steps before the first phase form one unnamed phase.
 *
 * Treatment comparison, one treatment a row: the first line names the columns, each further line is a
 * treatment whose first cell is its name. Pipes at the ends of a line are optional, as in a Markdown table:
 *
 *   [[compare:How the alternatives compare]]
 *   Treatment | How it works | Common side effects
 *   PRP | Your own platelets, injected | Injection-site reactions
 *   Laser comb | Low-level light | Slight tingling
 *   [[/compare]]
 */

export type TimelineStep = { when: string; text: string };
export type TimelinePhase = { label: string; steps: TimelineStep[] };
export type Timeline = { kind: 'timeline'; title: string; phases: TimelinePhase[] };
export type Comparison = { kind: 'compare'; title: string; columns: string[]; rows: string[][] };

/** A block that cannot be shown, with the line of its body at fault (0 is the opening line). */
export type BlockProblem = { problem: string; bodyLine: number };

const MAX_TITLE = 200;
const MAX_CELL = 500;
const MAX_STEPS = 40;
const MAX_ROWS = 20;
const MIN_COLUMNS = 2;
const MAX_COLUMNS = 6;

function bodyLines(body: string): { text: string; line: number }[] {
  return body
    .split('\n')
    .map((text, i) => ({ text: text.trim(), line: i + 1 }))
    .filter((l) => l.text !== '');
}

function checkTitle(title: string): BlockProblem | undefined {
  return title.length > MAX_TITLE
    ? { problem: `The title is longer than ${MAX_TITLE} characters.`, bodyLine: 0 }
    : undefined;
}

/** Reads a `[[timeline:...]]` block's body. */
export function parseTimeline(title: string, body: string): Timeline | BlockProblem {
  const titleProblem = checkTitle(title);
  if (titleProblem) return titleProblem;
  const phases: TimelinePhase[] = [];
  let steps = 0;
  for (const { text, line } of bodyLines(body)) {
    if (!text.startsWith('-')) {
      const label = text.replace(/:$/, '').trim();
      if (label.length > MAX_TITLE)
        return { problem: `A phase name is longer than ${MAX_TITLE} characters.`, bodyLine: line };
      phases.push({ label, steps: [] });
      continue;
    }
    const step = text.slice(1).trim();
    const bar = step.indexOf('|');
    if (bar < 0) {
      return {
        problem: 'A step needs a time and what to do, separated by "|": "- 24 hours after | Rest".',
        bodyLine: line,
      };
    }
    const when = step.slice(0, bar).trim();
    const what = step.slice(bar + 1).trim();
    if (!when || !what) return { problem: 'A step has an empty time or an empty instruction.', bodyLine: line };
    if (when.length > MAX_TITLE || what.length > MAX_CELL) return { problem: 'A step is too long.', bodyLine: line };
    if (++steps > MAX_STEPS) return { problem: `A timeline has at most ${MAX_STEPS} steps.`, bodyLine: line };
    if (phases.length === 0) phases.push({ label: '', steps: [] });
    phases.at(-1)!.steps.push({ when, text: what });
  }
  if (steps === 0) return { problem: 'The timeline has no steps; write each as "- when | what to do".', bodyLine: 0 };
  return { kind: 'timeline', title, phases: phases.filter((p) => p.steps.length > 0) };
}

function splitRow(text: string): string[] {
  return text
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
}

/** Reads a `[[compare:...]]` block's body. */
export function parseComparison(title: string, body: string): Comparison | BlockProblem {
  const titleProblem = checkTitle(title);
  if (titleProblem) return titleProblem;
  const [head, ...rest] = bodyLines(body);
  if (!head) return { problem: 'The comparison is empty; its first line names the columns.', bodyLine: 0 };
  const columns = splitRow(head.text);
  if (columns.length < MIN_COLUMNS || columns.length > MAX_COLUMNS) {
    return {
      problem: `The first line names ${MIN_COLUMNS} to ${MAX_COLUMNS} columns, separated by "|".`,
      bodyLine: head.line,
    };
  }
  if (rest.length === 0)
    return { problem: 'The comparison has no treatments below its column names.', bodyLine: head.line };
  if (rest.length > MAX_ROWS)
    return { problem: `A comparison has at most ${MAX_ROWS} treatments.`, bodyLine: rest[MAX_ROWS]!.line };
  const rows: string[][] = [];
  for (const { text, line } of rest) {
    const cells = splitRow(text);
    if (cells.length !== columns.length) {
      return {
        problem: `This row has ${cells.length} cells; the first line names ${columns.length} columns.`,
        bodyLine: line,
      };
    }
    if (!cells[0]) return { problem: 'Each row starts with the name of a treatment.', bodyLine: line };
    if (cells.some((cell) => cell.length > MAX_CELL)) return { problem: 'A cell is too long.', bodyLine: line };
    rows.push(cells);
  }
  return { kind: 'compare', title, columns, rows };
}
