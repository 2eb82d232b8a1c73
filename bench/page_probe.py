"""What bench.page_visits runs inside the page: counting websocket messages and finished script runs, and the
test for "drawn".

Finished runs are read off the websocket (ForwardMsg.script_finished), not off the app's
`data-test-script-state` attribute: a rerun as quick as the floor's (a few ms) can go from 'notRunning' back to
'notRunning' in one React commit, so 'running' never reaches the DOM and a harness waiting for it waits forever.
The message listener is added in the socket's constructor and so runs before Streamlit's own (a Python event
handler would see messages late).

Streamlit 1.67 loads most element types lazily (React Suspense): until an element's code has arrived, its place
holds a `stSkeleton` and there is no `stPlotlyChart` yet, so "every chart drawn" would be true of the empty list.
Drawn therefore also means no skeleton is left (the frontend's Suspense fallback, index.*.js).
"""

# Per message: [arrival (performance.now()), bytes]; __netraRuns counts script runs finished, except those cut
# short by a rerun (FINISHED_EARLY_FOR_RERUN = 2). A ForwardMsg's script_finished is field 6, a varint: tag 48.
COUNT_FRAMES = """
window.__netraFrames = [];
window.__netraRuns = 0;
const finishesRun = bytes => {
  let i = 0;
  const varint = () => {
    let value = 0, scale = 1, byte;
    do { byte = bytes[i++]; value += (byte & 127) * scale; scale *= 128; } while (byte & 128);
    return value;
  };
  while (i < bytes.length) {
    const tag = varint(), wire = tag % 8;
    if (tag === 48) return varint() !== 2;
    const skip = wire === 0 ? (varint(), 0) : wire === 2 ? varint() : wire === 1 ? 8 : wire === 5 ? 4 : NaN;
    if (Number.isNaN(skip)) return false;
    i += skip;  // not `i += varint()`: that adds the length to i as it was before the length was read
  }
  return false;
};
const NativeSocket = window.WebSocket;
window.WebSocket = class extends NativeSocket {
  constructor(...args) {
    super(...args);
    this.addEventListener('message', e => {
      window.__netraFrames.push([performance.now(), e.data.byteLength ?? e.data.size ?? e.data.length ?? 0]);
      if (e.data instanceof ArrayBuffer && finishesRun(new Uint8Array(e.data))) window.__netraRuns += 1;
    });
  }
};"""
# The parts of "drawn", so that a visit that never gets there can say which part is missing.
STATE = """() => {
  const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
  return {
    script: document.querySelector('[data-testid="stApp"]')?.dataset.testScriptState ?? 'no app',
    stale: document.querySelectorAll('[data-stale="true"]').length,
    loading: document.querySelectorAll('[data-testid="stSkeleton"]').length,
    charts: charts.length,
    undrawn: charts.filter(chart => !chart.querySelector('.main-svg')
      || (chart.querySelector('.geolayer > *') && !chart.querySelector('.choroplethlocation, .point'))).length,
  };
}"""
# Idle: the script run over, nothing stale, no element still loading, every chart drawn (a map: its regions).
DRAWN = f"""() => {{
  const state = ({STATE})();
  return state.script === 'notRunning' && !state.stale && !state.loading && !state.undrawn;
}}"""
