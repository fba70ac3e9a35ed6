"""Engines run the per-article work: ``local`` (this machine, 1..N processes), ``dask`` (a cluster)."""
