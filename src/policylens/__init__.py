"""policylens: follow how a policy debate moves, from PDFs to mentions, topics and trends."""

__version__ = "0.1.0"
