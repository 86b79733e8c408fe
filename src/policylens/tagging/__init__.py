"""Tagging: a spaCy pipeline that finds policy mentions, and its evaluation."""

from policylens.tagging.labels import LABELS, SPANS_KEY

__all__ = ["LABELS", "SPANS_KEY"]
