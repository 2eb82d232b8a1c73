"""One headless Chromium (kaleido) per process, started on first use and shared under a lock.

kaleido's own sync server hands images to the wrong caller when threads export at once, and it hangs forever
when the browser cannot start; this renderer owns its event loop, so every call gets its own result, a timeout,
and a readable error.
"""

from __future__ import annotations

import asyncio
import atexit
import os
import threading

import plotly.io as pio

import settings
from ui.strings import DEFAULT_LANG, t

TOPOJSON_URL = settings.STATIC_DIR.joinpath("topojson").as_uri() + "/"  # offline: never the plotly CDN
START_TIMEOUT_S = 60  # a cold Chromium start takes 2-7 s here
RENDER_TIMEOUT_S = 60  # a 514-polygon map takes about 1.5 s warm

pio.defaults.topojson = TOPOJSON_URL  # also for anyone calling fig.to_image directly
pio.defaults.headers = None  # else plotly passes kopts and kaleido warns they are ignored


class ExportUnavailable(RuntimeError):
    """Server-side rendering cannot be done now; `message(lang)` tells a person what to do (str(): Indonesian)."""

    def __init__(self, key: str, **values):
        self.key, self.values = key, values
        super().__init__(t(key, DEFAULT_LANG, **values))

    def message(self, lang: str) -> str:
        """What went wrong and what to do, in `lang`."""
        return t(self.key, lang, **self.values)


def browser_path() -> str | None:
    """The Chromium kaleido would start (BROWSER_PATH first, then PATH and the usual places), if it exists."""
    from choreographer.browsers.chromium import Chromium

    path = Chromium.find_browser(skip_local=False)
    return path if path and os.path.isfile(path) and os.access(path, os.X_OK) else None


class Renderer:
    """A kaleido instance living on its own event-loop thread; `render` is safe to call from any thread."""

    def __init__(self):
        self.lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._kaleido = None

    def render(self, figure: dict, fmt: str, width: int, height: int, scale: float = 1) -> bytes:
        """Bytes of `figure` as png/svg/pdf; raises ExportUnavailable with a message for people."""
        from kaleido.errors import JavascriptError, KaleidoError

        opts = {"format": fmt, "width": width, "height": height, "scale": scale}
        with self.lock:  # one figure at a time: the browser tab is shared
            self._start()
            call = self._kaleido.calc_fig(figure, opts=opts, topojson=TOPOJSON_URL)
            try:
                return asyncio.run_coroutine_threadsafe(call, self._loop).result(RENDER_TIMEOUT_S)
            except (KaleidoError, JavascriptError) as error:  # the figure, not the browser
                raise ExportUnavailable("export_render_failed", detail=error) from error
            except Exception as error:  # browser gone or stuck: start afresh next time
                self._stop()
                raise ExportUnavailable("export_browser_failed", detail=type(error).__name__) from error

    def is_running(self) -> bool:
        """True once a browser has started and not failed since."""
        return self._kaleido is not None

    def close(self) -> None:
        """Stop the browser (tests, and the next render starts a new one)."""
        with self.lock:
            self._stop()

    def _start(self) -> None:
        if self._kaleido is not None:
            return
        path = browser_path()
        if path is None:
            raise ExportUnavailable("export_no_browser")
        loop = asyncio.new_event_loop()
        threading.Thread(target=loop.run_forever, name="netra-kaleido", daemon=True).start()
        try:
            self._kaleido = asyncio.run_coroutine_threadsafe(_open(path), loop).result(START_TIMEOUT_S)
            self._loop = loop
        except Exception as error:
            loop.call_soon_threadsafe(loop.stop)
            raise ExportUnavailable("export_browser_failed", detail=type(error).__name__) from error

    def _stop(self) -> None:
        kaleido_, loop, self._kaleido, self._loop = self._kaleido, self._loop, None, None
        if loop is None:
            return
        try:
            asyncio.run_coroutine_threadsafe(kaleido_.close(), loop).result(10)
        except Exception:  # closing a browser that already died
            pass
        loop.call_soon_threadsafe(loop.stop)


async def _open(path: str):
    """A started kaleido on the running loop; MathJax off (it would be fetched from a CDN)."""
    import kaleido

    instance = kaleido.Kaleido(path=path, mathjax=False, timeout=RENDER_TIMEOUT_S)
    await instance.open()
    return instance


RENDERER = Renderer()
atexit.register(RENDERER.close)  # no Chromium left behind when the app or the CLI exits
