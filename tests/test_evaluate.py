"""`edukg evaluate` prints the same figures as the scorer the project is judged by (../shared/tools/score.py)."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
SCORER = ROOT.parent / "shared" / "tools" / "score.py"


@pytest.mark.skipif(not SCORER.exists(), reason=f"the shared scorer is not at {SCORER}")
def test_evaluate_prints_the_scorers_figures():
    corpus, gold = ROOT / "edukg" / "data" / "corpus", ROOT / "tests" / "gold"
    edukg = f"{sys.executable} -m edukg"
    scored = subprocess.run([sys.executable, str(SCORER), "--docs", str(corpus), "--gold", str(gold), "--edukg", edukg],
                            capture_output=True, text=True, timeout=300)
    ours = subprocess.run([sys.executable, "-m", "edukg", "evaluate", "--gold", str(gold), str(corpus)],
                          capture_output=True, text=True, timeout=300)
    assert scored.returncode == 0, scored.stderr[-500:]
    assert ours.returncode == 0, ours.stderr[-500:]
    assert ours.stdout.splitlines() == scored.stdout.splitlines()
    assert ours.stdout.splitlines()[-1].startswith("entities P=")
