"""The options a run (or `trends`) used, kept in the store so a report can say how to remake
its results."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from ..store import Store

SETTINGS_ARTIFACT = "run_settings"


def record_settings(store: Store, **settings) -> None:
    """Merge these options into those recorded before (paths are kept absolute)."""
    saved = read_settings(store)
    for key, value in settings.items():
        if key == "paths" and value is not None:
            value = [str(Path(p).resolve()) for p in value]
        elif isinstance(value, Sequence) and not isinstance(value, str):
            value = list(value)
        saved[key] = value
    store.put_artifact(SETTINGS_ARTIFACT, json.dumps(saved, sort_keys=True))


def read_settings(store: Store) -> dict:
    """The options recorded by the last `run` and `trends` (empty when there are none)."""
    saved = store.get_artifact(SETTINGS_ARTIFACT)
    try:
        settings = json.loads(saved) if saved else {}
    except ValueError:
        return {}
    return settings if isinstance(settings, dict) else {}
