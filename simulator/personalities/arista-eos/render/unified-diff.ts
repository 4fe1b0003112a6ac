/** A unified diff (`diff -u`, three lines of context), as EOS prints configuration differences. */

interface Op {
  kind: ' ' | '-' | '+';
  line: string;
}

const CONTEXT = 3;

/** The edit script from `a` to `b` by longest common subsequence (configurations are small). */
function editScript(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i++]! });
      j++;
    } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!))
      ops.push({ kind: '-', line: a[i++]! });
    else ops.push({ kind: '+', line: b[j++]! });
  }
  return deletionsFirst(ops);
}

/** Within a run of changes, removals before additions, as diff prints them. */
function deletionsFirst(ops: readonly Op[]): Op[] {
  const out: Op[] = [];
  let run: Op[] = [];
  const flush = () => {
    out.push(...run.filter((o) => o.kind === '-'), ...run.filter((o) => o.kind === '+'));
    run = [];
  };
  for (const op of ops) {
    if (op.kind !== ' ') run.push(op);
    else {
      flush();
      out.push(op);
    }
  }
  flush();
  return out;
}

/** A hunk side: `start,count`, `start` alone for one line, `start-1,0` for none. */
function range(start: number, count: number): string {
  if (count === 1) return String(start);
  return `${count === 0 ? start - 1 : start},${count}`;
}

/** Renders the unified diff of two texts given as lines; empty when they are equal. */
export function renderUnifiedDiff(
  a: readonly string[],
  b: readonly string[],
  fromLabel: string,
  toLabel: string,
): string {
  const ops = editScript(a, b);
  const hunks: Array<[first: number, last: number]> = [];
  for (const [index, op] of ops.entries()) {
    if (op.kind === ' ') continue;
    const open = hunks.at(-1);
    if (open && index - open[1] <= 2 * CONTEXT + 1) open[1] = index;
    else hunks.push([index, index]);
  }
  if (hunks.length === 0) return '';
  const lineA: number[] = [];
  const lineB: number[] = [];
  let atA = 1;
  let atB = 1;
  for (const op of ops) {
    lineA.push(atA);
    lineB.push(atB);
    if (op.kind !== '+') atA++;
    if (op.kind !== '-') atB++;
  }
  const out = [`--- ${fromLabel}`, `+++ ${toLabel}`];
  for (const [first, last] of hunks) {
    const from = Math.max(0, first - CONTEXT);
    const slice = ops.slice(from, Math.min(ops.length, last + CONTEXT + 1));
    const countA = slice.filter((o) => o.kind !== '+').length;
    const countB = slice.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${range(lineA[from]!, countA)} +${range(lineB[from]!, countB)} @@`);
    out.push(...slice.map((o) => `${o.kind}${o.line}`));
  }
  return out.join('\n');
}
