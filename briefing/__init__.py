"""briefing: a folder of news articles in, a walkable briefing out."""

__version__ = "0.1.0"
