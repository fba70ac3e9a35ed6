"""The pipeline is built from models/config.cfg, and the serialised copy in models/ is current."""

import filecmp

import spacy

from pipeline.language import RESOURCES, SAVED_PIPELINE, load, save
from pipeline.resources import models_dir

from .conftest import CORPORA

TEXT = (CORPORA / "samples" / "002_1b3aea1fca0cbb5e.txt").read_text(encoding="utf-8")


def test_config_builds_every_component_in_order():
    nlp = load()
    assert nlp.pipe_names == ["province", "dates", "officials", "quantities", "indicators", "metrics"]
    assert nlp.lang == "vi"


def test_saved_pipeline_in_models_is_current():
    saved = models_dir() / SAVED_PIPELINE
    assert (saved / "config.cfg").exists(), "run `vnmetrics build-model`"
    resources = saved / RESOURCES
    current = sorted(p.name for p in models_dir().glob("*.json"))
    assert sorted(p.name for p in resources.glob("*.json")) == current
    _, mismatch, errors = filecmp.cmpfiles(models_dir(), resources, current, shallow=False)
    assert not mismatch and not errors, f"models/{SAVED_PIPELINE} is stale for {mismatch + errors}: rebuild it"
    saved_cfg = spacy.util.load_config(saved / "config.cfg")
    source_cfg = spacy.util.load_config(models_dir() / "config.cfg")
    assert saved_cfg["components"] == source_cfg["components"]


def test_saved_pipeline_gives_the_same_extraction(tmp_path):
    from pipeline.annotate import annotate

    target = save(load(), tmp_path / "copy")
    fresh, loaded = load(), load(target)
    a = annotate(fresh, TEXT, "x", "x").doc
    b = annotate(loaded, TEXT, "x", "x").doc
    assert [m.to_dict() for m in a._.metrics] == [m.to_dict() for m in b._.metrics]
    assert [o.to_dict() for o in a._.officials] == [o.to_dict() for o in b._.officials]
    assert spacy.load(target).pipe_names == fresh.pipe_names
