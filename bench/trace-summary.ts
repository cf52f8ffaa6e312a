/**
 * `npx tsx bench/trace-summary.ts TRACE.json [TOP] [SPAN]`: where the renderer's main thread spent a
 * trace written by `BENCH_PROFILE` (bench/profile.ts). Prints the trace events' self time by name
 * (style, layout, paint, script, GC…) and the JS samples' self and total time by function. With
 * SPAN, only what lies inside the page's user-timing measures of that name (`bench:open-page`).
 */
import { readFileSync } from 'node:fs';

interface TraceEvent {
  name: string;
  id?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, where the trace has it: unlike `dur`, not stretched by waiting for a core. */
  tdur?: number;
  args?: {
    name?: string;
    data?: ProfileChunkData;
    elementCount?: number;
    beginData?: { dirtyObjects?: number };
  };
}
interface CallFrame {
  functionName: string;
  url?: string;
  lineNumber?: number;
}
interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: CallFrame;
}
interface ProfileChunkData {
  cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
  timeDeltas?: number[];
}

const [file, topArg, spanName] = process.argv.slice(2);
const TOP = Number(topArg ?? 25);
const parsed = JSON.parse(readFileSync(file, 'utf8')) as TraceEvent[] | { traceEvents: TraceEvent[] };
const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;

// The page's main thread: of the threads named CrRendererMain, the one with the most timed events.
const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const busiest = mains
  .map((m) => ({ m, n: events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === 'X').length }))
  .sort((a, b) => b.n - a.n)[0].m;
// A user-timing measure is an async pair: its begin and end share an id.
const spans: Array<{ from: number; to: number }> = [];
if (spanName) {
  const begins = new Map<string, number>();
  for (const e of events.filter((e) => e.name === spanName && e.pid === busiest.pid).sort((a, b) => a.ts - b.ts)) {
    if (e.ph === 'b') begins.set(e.id ?? '', e.ts);
    else if (e.ph === 'e' && begins.has(e.id ?? '')) spans.push({ from: begins.get(e.id ?? '')!, to: e.ts });
  }
  if (spans.length === 0) throw new Error(`no user-timing measure named ${spanName} in the trace`);
  console.log(
    `${spans.length} spans named ${spanName}: ${spans.map((s) => ((s.to - s.from) / 1000).toFixed(0)).join(' / ')} ms`,
  );
}
const inSpans = (ts: number) => !spanName || spans.some(({ from, to }) => ts >= from && ts <= to);
const onMain = events.filter((e) => e.pid === busiest.pid && e.tid === busiest.tid && inSpans(e.ts));

// Self time of complete events: each event's duration less its direct children's.
const complete = onMain
  .filter((e) => e.ph === 'X' && e.dur !== undefined)
  .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
// CPU time where the event has it, else wall time.
const self = new Map<string, number>();
const stack: { end: number; name: string }[] = [];
for (const event of complete) {
  while (stack.length && stack[stack.length - 1].end <= event.ts) stack.pop();
  const parent = stack[stack.length - 1];
  const time = event.tdur ?? event.dur!;
  if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - time);
  self.set(event.name, (self.get(event.name) ?? 0) + time);
  stack.push({ end: event.ts + event.dur!, name: event.name });
}
const span = complete.length ? (complete.at(-1)!.ts + complete.at(-1)!.dur! - complete[0].ts) / 1000 : 0;
const frames = onMain.filter((e) => e.name === 'BeginMainThreadFrame' || e.name === 'BeginFrame').length;
// The main thread's own CPU time, summed over its outermost tasks: the figure that other load on the
// machine moves least, so the one to compare builds by.
let cpu = 0;
let taskEnd = -Infinity;
for (const task of complete.filter((e) => e.name === 'RunTask')) {
  if (task.ts < taskEnd) continue;
  taskEnd = task.ts + task.dur!;
  cpu += task.tdur ?? task.dur!;
}
console.log(
  `main thread: ${span.toFixed(0)} ms traced, ${frames} frames begun; ` +
    `CPU ${(cpu / 1000).toFixed(0)} ms in tasks, ${(cpu / 1000 / Math.max(1, frames)).toFixed(2)} ms a frame`,
);
const ms = (us: number) => (us / 1000).toFixed(1).padStart(9);
for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${ms(us)} ms  ${name}`);
// Counted work, which load does not stretch: elements whose style was recomputed, objects laid out.
const counted = (name: string, count: (e: TraceEvent) => number | undefined) =>
  complete.filter((e) => e.name === name).reduce((sum, e) => sum + (count(e) ?? 0), 0) / Math.max(1, frames);
console.log(
  `per frame: ${counted('UpdateLayoutTree', (e) => e.args?.elementCount).toFixed(0)} elements restyled, ` +
    `${counted('Layout', (e) => e.args?.beginData?.dirtyObjects).toFixed(0)} layout objects dirty`,
);

// JS samples of the main thread (workers share its process and are profiled apart).
const mainProfiles = new Set(
  events.filter((e) => e.name === 'Profile' && e.pid === busiest.pid && e.tid === busiest.tid).map((e) => e.id),
);
// Each profile's samples are timed from its start by the deltas before them.
const startOf = new Map(
  events
    .filter((e) => e.name === 'Profile' && mainProfiles.has(e.id))
    .map((e) => [e.id, (e.args?.data as { startTime?: number } | undefined)?.startTime ?? e.ts]),
);
const sampledAt = new Map<string | undefined, number>();
const nodes = new Map<number, ProfileNode>();
const selfByNode = new Map<number, number>();
for (const chunk of events.filter(
  (e) => e.name === 'ProfileChunk' && e.pid === busiest.pid && mainProfiles.has(e.id),
)) {
  const data = chunk.args?.data;
  for (const node of data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
  const samples = data?.cpuProfile?.samples ?? [];
  const deltas = data?.timeDeltas ?? [];
  samples.forEach((id, i) => {
    sampledAt.set(chunk.id, (sampledAt.get(chunk.id) ?? startOf.get(chunk.id) ?? 0) + (deltas[i] ?? 0));
    if (!inSpans(sampledAt.get(chunk.id)!)) return;
    selfByNode.set(id, (selfByNode.get(id) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0));
  });
}
const label = (frame: CallFrame) =>
  `${frame.functionName || '(anonymous)'} ${(frame.url ?? '').split('/').pop()}:${(frame.lineNumber ?? 0) + 1}`;
const selfByFunction = new Map<string, number>();
const totalByFunction = new Map<string, number>();
for (const [id, us] of selfByNode) {
  const node = nodes.get(id);
  if (!node) continue;
  selfByFunction.set(label(node.callFrame), (selfByFunction.get(label(node.callFrame)) ?? 0) + us);
  const seen = new Set<string>();
  for (let at: ProfileNode | undefined = node; at; at = at.parent ? nodes.get(at.parent) : undefined) {
    const key = label(at.callFrame);
    if (seen.has(key)) continue;
    seen.add(key);
    totalByFunction.set(key, (totalByFunction.get(key) ?? 0) + us);
  }
}
console.log('\nJS samples, self time:');
for (const [name, us] of [...selfByFunction].sort((a, b) => b[1] - a[1]).slice(0, TOP))
  console.log(`${ms(us)} ms  ${name}`);
console.log('\nJS samples, total time (self and callees):');
for (const [name, us] of [...totalByFunction].sort((a, b) => b[1] - a[1]).slice(0, TOP))
  console.log(`${ms(us)} ms  ${name}`);
