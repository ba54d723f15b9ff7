"""timeline: an event-timeline and temporal database for news articles."""

__version__ = "0.1.0"
