"""policylens: follow how a policy debate moves, from PDFs to mentions, topics and trends.

The Python API (``policylens.Workspace``, ``policylens.run``, ...) lives in
:mod:`policylens.api` and is imported on first use, so ``import policylens`` and
``policylens --help`` stay fast.
"""

from __future__ import annotations

__version__ = "0.1.0"

# name -> the module that defines it
_API = {
    "Workspace": "policylens.api",
    "Records": "policylens.api",
    "Rendered": "policylens.api",
    "Run": "policylens.api",
    "TagResult": "policylens.api",
    "run": "policylens.api",
    "evaluate": "policylens.api",
    "render": "policylens.api",
    "load_tagger": "policylens.tagging.pipeline",
    "PolicylensError": "policylens.errors",
    "InputError": "policylens.errors",
    "StoreError": "policylens.errors",
    "ModelError": "policylens.errors",
    "PdfError": "policylens.errors",
    "MissingDependencyError": "policylens.errors",
}

__all__ = ["__version__", *_API]  # noqa: PLE0604 (the keys are the names, all strings)


def __getattr__(name: str):
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'policylens' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_API])
