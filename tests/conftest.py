"""Fixtures shared by the whole suite: a private warehouse folder, the fixture registers, the real loader."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.fixtures.make_registers import write_all


@pytest.fixture(autouse=True)
def every_election_by_default(monkeypatch):
    """The tests' exact numbers are of every election in their fixtures: the app opens on all of them unless a test
    sets NETRA_DEFAULT_ELECTION itself (tests/app/test_default_election.py); the deployed default is 'latest'."""
    monkeypatch.setenv("NETRA_DEFAULT_ELECTION", "all")


@pytest.fixture
def warehouse_dir(tmp_path, monkeypatch) -> Path:
    """An empty warehouse folder of this test's own (NETRA_DATA_DIR), never the work tree's data/warehouse."""
    folder = tmp_path / "warehouse"
    monkeypatch.setenv("NETRA_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def registers(tmp_path_factory) -> dict[str, Path]:
    """The fixture registers of tests/fixtures/make_registers.py, written once per session, by file name."""
    return write_all(tmp_path_factory.mktemp("registers"))


@pytest.fixture(scope="session")
def load_register() -> Callable[..., list]:
    """`load_register(path, data_dir=None, **kwargs)`: load a register through the real loader.

    With `data_dir` the load goes to that warehouse folder (e.g. one from tmp_path_factory in a session
    fixture); without it, to the folder NETRA_DATA_DIR names (e.g. after the `warehouse_dir` fixture).
    kwargs are those of `etl.load.load_files` (election, source_agency). Returns the list of LoadResult.
    """
    from etl.load import load_files

    def load(path, data_dir: Path | None = None, **kwargs) -> list:
        with pytest.MonkeyPatch.context() as patch:
            if data_dir is not None:
                patch.setenv("NETRA_DATA_DIR", str(data_dir))
            return load_files([path], progress=False, **kwargs)

    return load
