"""`python bench/timed_serve.py [streamlit options]` (cwd = the checkout to serve): ui.app.serve with every script
run timed, for bench.pages.

Run as a file, not as a module, so that bench.pages can serve another checkout (the code before a change) with
this same timing: the served checkout is the working directory and comes first on sys.path. Each script run
(the frame and its page, or a fragment) appends one JSON line to $NETRA_BENCH_RUNS: its wall start and end
(time.time(), comparable with the harness's clock), its thread's CPU seconds and how many plotly charts it sent
(what the browser should show: the harness checks the charts it counts against it). The app itself is unchanged.
"""

import json
import os
import sys
import threading
import time

sys.path[0] = os.getcwd()  # the checkout being served, not bench/ (whose map.py, pages.py would shadow names)

from streamlit.runtime.scriptrunner import script_runner  # noqa: E402

RUNS = os.environ["NETRA_BENCH_RUNS"]
_LOCK = threading.Lock()
_original_run = script_runner.ScriptRunner._run_script
_original_enqueue = script_runner.ScriptRunner._enqueue_forward_msg


def _is_chart(msg) -> bool:
    """Whether a ForwardMsg adds a plotly chart (a new element; one per st.plotly_chart call)."""
    return (msg.WhichOneof("type") == "delta" and msg.delta.WhichOneof("type") == "new_element"
            and msg.delta.new_element.WhichOneof("type") == "plotly_chart")


def _counting_enqueue(self, msg) -> None:
    """The original enqueue, counting the charts of the current run (bound per runner when its thread starts)."""
    if _is_chart(msg):
        self._netra_charts = getattr(self, "_netra_charts", 0) + 1
    _original_enqueue(self, msg)


def _timed_run_script(self, rerun_data) -> None:
    """The original script run, with its wall and CPU time and its chart count appended to RUNS."""
    start, cpu = time.time(), time.thread_time()
    self._netra_charts = 0
    try:
        _original_run(self, rerun_data)
    finally:
        line = {"start": start, "end": time.time(), "cpu_s": time.thread_time() - cpu, "charts": self._netra_charts,
                "fragment": bool(getattr(rerun_data, "fragment_id_queue", None))}
        with _LOCK, open(RUNS, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(line) + "\n")


script_runner.ScriptRunner._run_script = _timed_run_script
script_runner.ScriptRunner._enqueue_forward_msg = _counting_enqueue

if __name__ == "__main__":
    from ui.app import serve

    serve.main()
