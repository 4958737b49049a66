"""Write seeds/t_critical_values.csv: the two-sided 95% Student t critical value per
degrees of freedom (1..1000), used by the CES confidence interval. Beyond 1000 the
models use the normal value 1.959964. Run once; the seed is committed.
"""

from __future__ import annotations

import csv
from pathlib import Path

from scipy.stats import t

MAX_DF = 1000


def main() -> int:
    out = Path(__file__).resolve().parents[1] / "seeds" / "t_critical_values.csv"
    with out.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["degrees_of_freedom", "t_975"])
        for df in range(1, MAX_DF + 1):
            writer.writerow([df, f"{t.ppf(0.975, df):.6f}"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
