"""The notebooks run top to bottom, and are committed without outputs.

Executed with nbclient in a kernel of this interpreter, from the notebooks' own folder (their
paths are relative to it). ``VNMETRICS_NOTEBOOK_LIMIT=N`` makes ``02_indicators`` read only the
first N articles of the development corpus; by default it reads all of them.
"""

from __future__ import annotations

import os

import pytest

from .conftest import ROOT

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")

NOTEBOOKS = ROOT / "notebooks"
NAMES = ("01_quickstart.ipynb", "02_indicators.ipynb")


@pytest.mark.parametrize("name", NAMES)
def test_committed_notebooks_have_no_outputs(name):
    book = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(book)
    code = [cell for cell in book.cells if cell.cell_type == "code"]
    assert code, "a notebook without code"
    for cell in code:
        assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs_top_to_bottom(name, monkeypatch):
    # the kernel imports the package from the repository even when it is not pip-installed
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    book = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = nbclient.NotebookClient(book, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    outputs = [o for cell in book.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    rich = [o for o in outputs if o.output_type in ("display_data", "execute_result")]
    if name == "01_quickstart.ipynb":
        html = [o["data"]["text/html"] for o in rich if "text/html" in o.get("data", {})]
        assert any('class="entities"' in h for h in html), "the displaCy rendering is missing"
    else:
        images = [o for o in rich if "image/png" in o.get("data", {})]
        assert len(images) >= 6, "a plot is missing"
