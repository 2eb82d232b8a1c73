"""Which election a visit opens on when its link names none (settings.default_election): pure, table-tested."""

from __future__ import annotations

import pandas as pd


def default_elections(choice: str, calendar: pd.DataFrame | None) -> tuple[str, ...]:
    """The elections the sidebar starts with: () for 'all', the one named, or for 'latest' the election with the
    latest voting day that has cases (`election_calendar`: data_until is set when it has some); () when none has.
    """
    if choice == "all":
        return ()
    if choice != "latest":
        return (choice,)
    if calendar is None or calendar.empty:
        return ()
    with_cases = calendar[calendar["data_until"].notna()].drop_duplicates("election")
    if with_cases.empty:
        return ()
    return (str(with_cases.sort_values("voting_day")["election"].iloc[-1]),)
