// Chrome's own trace of a page load, for bench/browser.mjs: how long the page's
// main thread spent compiling wasm between one performance mark and the next.
// Chromium compiles a wasm function the first time it runs (V8's lazy
// compilation, the "wasm.CompileLazy" trace event), on the thread that calls it,
// so that time is part of every step to the first frame.

export const TRACE_CATEGORIES = ['blink.user_timing', 'v8.wasm'];

// events: the trace's events; marks: the mark names that end each phase, in order.
// Returns [{ to, ms, compileMs, compiled }] per phase from navigation start, where
// `compiled` counts the functions compiled in it.
export function compileByPhase(events, marks) {
  const isMark = (e) => String(e.cat).includes('blink.user_timing');
  const last = events.find((e) => isMark(e) && e.name === marks[marks.length - 1]);
  if (!last) throw new Error(`no "${marks[marks.length - 1]}" mark in the trace`);
  const { pid } = last;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args.name === 'CrRendererMain');
  if (!main) throw new Error('the trace names no main thread for the page');
  // The page's own navigation: the last one to start before its marks.
  const starts = events.filter((e) => isMark(e) && e.pid === pid && e.name === 'navigationStart' && e.ts <= last.ts).map((e) => e.ts);
  if (!starts.length) throw new Error('no navigationStart in the trace');
  let from = Math.max(...starts);
  const compiles = events.filter((e) => e.name === 'wasm.CompileLazy' && e.pid === pid && e.tid === main.tid && e.ph === 'X');
  const phases = [];
  for (const name of marks) {
    const mark = events.find((e) => isMark(e) && e.pid === pid && e.name === name && e.ts >= from);
    if (!mark) {
      const seen = events.filter((e) => isMark(e) && e.pid === pid).map((e) => `${e.name} ${((e.ts - from) / 1000).toFixed(0)}`);
      throw new Error(`no "${name}" mark in the trace after navigation (it has: ${seen.join(', ')})`);
    }
    const inside = compiles.filter((e) => e.ts >= from && e.ts < mark.ts);
    phases.push({
      to: name,
      ms: (mark.ts - from) / 1000,
      compileMs: inside.reduce((sum, e) => sum + e.dur, 0) / 1000,
      compiled: inside.length,
    });
    from = mark.ts;
  }
  return phases;
}
