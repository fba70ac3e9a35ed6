"""Long fuzz run of the whole pipeline (the test suite runs a short one).

    .venv/bin/python scripts/fuzz.py [--examples 5000] [--seed 1]

Drives hypothesis-generated text (arbitrary Unicode mixed with Vietnamese press fragments)
through normalise → segment → every component → tables, and fails on the first exception
that escapes or offset outside the text, printing the shrunk example.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, given, seed, settings

from tests.test_fuzz import TEXTS, test_no_exception_escapes_and_offsets_stay_in_the_text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    check = test_no_exception_escapes_and_offsets_stay_in_the_text.hypothesis.inner_test

    @seed(args.seed)
    @settings(max_examples=args.examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(TEXTS)
    def run(text: str) -> None:
        check(text)

    started = time.perf_counter()
    run()
    print(f"{args.examples} examples, no failure, {time.perf_counter() - started:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
