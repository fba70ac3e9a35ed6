"""One spaCy component per extraction concern, each registered with ``@Language.factory``.

Order in the pipeline (``models/config.cfg``): province → dates → officials → quantities →
indicators → metrics. Each reads what earlier ones left on ``doc._`` and adds its own.
"""

from . import dates, indicators, metrics, officials, province, quantities  # noqa: F401
