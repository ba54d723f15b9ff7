"""Where the bundled demo corpus lives."""

from pathlib import Path

SEEDS_DIRECTORY = Path(__file__).resolve().parent.parent / "seeds"
