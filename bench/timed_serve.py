"""`python bench/timed_serve.py [streamlit options]` (cwd = the checkout to serve): ui.app.serve with every script
run timed, for bench.pages.

Run as a file, not as a module, so that bench.pages can serve another checkout (the code before a change) with
this same timing: the served checkout is the working directory and comes first on sys.path. Each script run
(the frame and its page, or a fragment) appends one JSON line to $NETRA_BENCH_RUNS: its wall start and end
(time.time(), comparable with the harness's clock) and its thread's CPU seconds. The app itself is unchanged.
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
_original = script_runner.ScriptRunner._run_script


def _timed_run_script(self, rerun_data) -> None:
    """The original script run, with its wall and CPU time appended to RUNS."""
    start, cpu = time.time(), time.thread_time()
    try:
        _original(self, rerun_data)
    finally:
        line = {"start": start, "end": time.time(), "cpu_s": time.thread_time() - cpu,
                "fragment": bool(getattr(rerun_data, "fragment_id_queue", None))}
        with _LOCK, open(RUNS, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(line) + "\n")


script_runner.ScriptRunner._run_script = _timed_run_script

if __name__ == "__main__":
    from ui.app import serve

    serve.main()
