"""Generated plans for the benchmarks, written as the CSV files councils import.

Every generated row is valid: references belong to the demo plan's recommendations, review
dates are the forms the plan uses, thresholds are copied from demo measures. Review dates fall
before and after the benchmark's as-of date (2017-11-01), so overdue, due, open and complete
actions all occur."""

import csv
import io
from pathlib import Path

from .processes import ROOT

DEMO = ROOT / "Demo"
REVIEW_DATES = ["Oct 2017", "2017-09-30", "Nov 2017", "Ongoing", "Dec 2017", "2017-08-31", "Jan 2018"]
ACTION_COLUMNS = ["ref", "recommendation", "action", "review_date", "lead_name", "lead_email", "status", "update", "updated_on"]


def demo_rows(name: str):
    with open(DEMO / name, newline="") as handle:
        return list(csv.DictReader(handle))


def to_csv(columns, rows) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def recommendation_ids():
    return [row["id"] for row in demo_rows("recommendations.csv")]


def recommendations(priority: int, count: int):
    """`count` recommendations of a new priority: action references have at most three digits
    per part, so a large plan needs many recommendations to hang its actions on."""
    rows = [{"id": f"{priority}.{n}", "priority": str(priority), "priority_title": f"Generated priority {priority}",
             "title": f"Generated recommendation {priority}.{n}", "ambition": "Children are safe and well."}
            for n in range(1, count + 1)]
    return to_csv(["id", "priority", "priority_title", "title", "ambition"], rows), [r["id"] for r in rows]


def actions(count: int, leads: int, recs=None, start: int = 100, with_updates: bool = True, review_dates=REVIEW_DATES,
            complete_every: int = 11) -> str:
    """`count` actions spread over `recs` (default: the demo's recommendations) and `leads`
    leads; every `complete_every`-th one complete (0: none)."""
    recs = recs or recommendation_ids()
    if start + (count - 1) // len(recs) > 999:
        raise ValueError(f"{count} actions need more than {len(recs)} recommendations")
    rows = []
    for i in range(count):
        rec = recs[i % len(recs)]
        review = review_dates[i % len(review_dates)]
        lead = i % leads
        row = {
            "ref": f"{rec}.{start + i // len(recs)}",
            "recommendation": rec,
            "action": f"Generated action {i}: audit case files and report the findings to the board.",
            "review_date": review,
            "lead_name": f"Lead officer {lead}",
            "lead_email": f"lead{lead}@example.org",
            "status": "complete" if complete_every and i % complete_every == 0 else "open",
            "update": "",
            "updated_on": "",
        }
        if with_updates and i % 3 == 0:
            row["update"] = f"Progress note {i}"
            row["updated_on"] = "2017-09-15"
        rows.append(row)
    return to_csv(ACTION_COLUMNS, rows)


def measures(copies: int):
    """The demo measures repeated `copies` times under new ids (thresholds kept)."""
    base = demo_rows("measures.csv")
    columns = list(base[0].keys())
    rows = []
    for k in range(copies):
        for row in base:
            copy = dict(row)
            copy["id"] = f"{row['id']}-G{k}"
            rows.append(copy)
    return to_csv(columns, rows), [r["id"] for r in rows]


def values(measure_ids, per_measure: int = 1) -> str:
    periods = ["2017/18", "2016/17", "2015/16"][:per_measure]
    rows = []
    for i, measure in enumerate(measure_ids):
        for period in periods:
            rows.append({"measure_id": measure, "period": period, "value": f"{40 + (i * 7) % 55}.{i % 10}"})
    return to_csv(["measure_id", "period", "value"], rows)


def tenfold(workdir: Path):
    """CSV texts that, imported over the demo plan, make a plan ten times its size."""
    demo_actions = len(demo_rows("actions.csv"))
    demo_measures = len(demo_rows("measures.csv"))
    demo_values = len(demo_rows("values.csv"))
    leads = len({r["lead_email"] for r in demo_rows("actions.csv")})
    measure_csv, ids = measures(9)
    files = {
        "actions": actions(9 * demo_actions, leads * 10),
        "measures": measure_csv,
        "values": values(ids[: 9 * demo_values], 1),
    }
    for name, text in files.items():
        (workdir / f"tenfold-{name}.csv").write_text(text)
    return files, {"actions": 10 * demo_actions, "measures": 10 * demo_measures}
