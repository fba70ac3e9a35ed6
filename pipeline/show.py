"""One article's extraction as readable text (``vnmetrics show``)."""

from __future__ import annotations

from .tables import Rows


def _figure(m: dict) -> str:
    value = f"{m['value']:g}"
    if m.get("value_max") is not None:
        value += f"–{m['value_max']:g}"
    if m["unit"] == "%":
        value += "%"
    elif m["unit"] in ("fraction", "rank") and m.get("denominator") is not None:
        value += f"/{m['denominator']:g}"
    elif m["unit"] not in ("count", "fraction", "rank"):
        value += f" {m['unit']}"
    comparator = "" if m["comparator"] in (None, "=") else f"{m['comparator']} "
    return f"{comparator}{value}"


def render(rows: Rows) -> str:
    article = rows["articles"][0]
    out = [f"# {article['doc_id']}  ({article['source']})",
           f"status: {article['status']}   province: {article['province']}   published: {article['published']}"
           + (f" ({article['published_reason']})" if article.get("published_reason") else "")]
    if article.get("title"):
        out.append(f"title: {article['title']}")
    if article.get("warnings"):
        out.append(f"warnings: {article['warnings']}")
    for error in rows["errors"]:
        out.append(f"ERROR at {error['stage']}: {error['type']}: {error['message']}")
    if rows["officials"]:
        out.append("\nofficials:")
        for o in rows["officials"]:
            extra = ", ".join(x for x in (o.get("canonical_title"), o.get("role")) if x)
            out.append(f"  - {o['name']}: {'; '.join(o['titles'])}" + (f"  [{extra}]" if extra else ""))
    if rows["dates"]:
        out.append("\ndates:")
        seen = set()
        for d in rows["dates"]:
            if d["value"] in seen:
                continue
            seen.add(d["value"])
            inferred = " (year inferred)" if d.get("year_inferred") else ""
            out.append(f"  - {d['value']:<24} {d['role']:<10} «{d['text']}»{inferred}")
    if rows["metrics"]:
        out.append("\nmetrics:")
        for m in rows["metrics"]:
            context = ", ".join(f"{k}={m[k]}" for k in ("indicator_id", "period", "deadline", "level", "change")
                                if m.get(k))
            out.append(f"  - [{m['kind']}] {m['indicator']} = {_figure(m)}" + (f"   ({context})" if context else ""))
            out.append(f"      «{m['text']}»")
    return "\n".join(out)
