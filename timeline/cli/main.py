"""Entry point of the `timeline` command: registers every command module."""

from timeline.cli.app import app
from timeline.cli import database as _database  # noqa: F401,E402
from timeline.cli import ingest as _ingest  # noqa: F401,E402
from timeline.cli import show as _show  # noqa: F401,E402
from timeline.cli import documents as _documents  # noqa: F401,E402
from timeline.cli import tag as _tag  # noqa: F401,E402
from timeline.cli import evaluate as _evaluate  # noqa: F401,E402
from timeline.cli import export as _export  # noqa: F401,E402
from timeline.cli import periods as _periods  # noqa: F401,E402
from timeline.cli import sql as _sql  # noqa: F401,E402
from timeline.cli import serve as _serve  # noqa: F401,E402

__all__ = ["app"]
