"""Trends: topic prevalence and mention rates over time, shifts, CSVs and plots."""

from .prevalence import GROUPS, PERIODS, mention_trends, period_of, topic_prevalence
from .shifts import divergence, js_divergence, parse_window, topic_shifts

__all__ = [
    "GROUPS", "PERIODS", "divergence", "js_divergence", "mention_trends", "parse_window",
    "period_of", "topic_prevalence", "topic_shifts",
]
