"""Errors raised by the library: each says what went wrong and, in ``hint``, what to do."""

from __future__ import annotations


class PolicylensError(Exception):
    """Base error: a message for the user and an optional hint on how to fix it."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InputError(PolicylensError):
    """The user's input (a path, a file, an option value) cannot be used."""


class StoreError(PolicylensError):
    """The store is missing, locked, damaged or from a newer version of policylens."""


class ModelError(PolicylensError):
    """A model is missing, unfitted or damaged."""


class MissingDependencyError(PolicylensError):
    """An optional library that one call needs (pandas for a DataFrame) is not installed."""


class PdfError(PolicylensError):
    """One PDF cannot be read; ``reason`` is a short stable code recorded in the store."""

    def __init__(self, reason: str, message: str, hint: str | None = None) -> None:
        super().__init__(message, hint)
        self.reason = reason
