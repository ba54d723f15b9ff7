"""The complete schema: imports every model module so the metadata knows every table."""

from timeline.store import models_events  # noqa: F401
from timeline.store.models import Base
from timeline.store import models_periods as _periods  # noqa: F401
from timeline.store import models_spans as _spans  # noqa: F401
from timeline.store import cluster_tables as _cluster_tables  # noqa: F401

__all__ = ["Base", "metadata"]

metadata = Base.metadata
