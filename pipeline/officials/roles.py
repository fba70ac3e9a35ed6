"""What an office holder does at the event the article reports: chủ trì, dự, báo cáo …

The role is read from the words right after the mention ("… Chủ tịch UBND tỉnh chủ trì hội
nghị", "… cho biết") or from the start of its clause ("Dự hội nghị có đồng chí …", "Phát
biểu kết luận, Chủ tịch UBND tỉnh …"). Names coordinated before a shared predicate ("A, B và
C chủ trì cuộc họp") share it. The cues and their order of precedence are data
(``models/names.json``, "roles").
"""

from __future__ import annotations

import regex

from .lexicon import Lexicon
from .mentions import Mention
from .syllables import Tok, fold

_CLAUSE_START = regex.compile(r"[.;!?\n][^.;!?\n]*$")
_TRAILING = regex.compile(r"(?:[\s,:\-–]|\b(?:các|đồng chí|đ/c|ông|bà|anh|chị))+$")
_COORDINATION = regex.compile(r"^[\s,;]*(?:và|cùng|,|;)?[\s,;]*(?:(?:các )?(?:đồng chí|đ/c|ông|bà)\s*)?$",
                              regex.IGNORECASE)


def _after_role(tokens: list[Tok], starts: list[int], offset: int, text: str, lex: Lexicon) -> str | None:
    import bisect

    k = bisect.bisect_left(starts, offset)
    if k + 1 < len(tokens) and tokens[k].is_break and tokens[k + 1].is_word and not tokens[k + 1].cap:
        k += 1  # a caption broken before its verb ("… Sở Thông tin và Truyền thông⏎báo cáo …")
    for _ in range(3):
        if k < len(tokens) and tokens[k].is_word:
            skip = lex.role_skip.match(tokens, k, text)
            if skip:
                k += skip[0]
                continue
        break
    if k >= len(tokens) or not tokens[k].is_word:
        return None
    best: tuple[int, int, str] | None = None
    for rank, role in enumerate(lex.roles):
        m = role.after.match(tokens, k, text)
        if m and (best is None or m[0] > best[0]):
            best = (m[0], rank, role.role)
    return best[2] if best else None


def _before_role(text: str, offset: int, lex: Lexicon) -> str | None:
    window = text[max(0, offset - 160) : offset]
    match = _CLAUSE_START.search(window)
    clause = window[match.start() + 1 :] if match else window
    clause = _TRAILING.sub("", fold(clause).strip()).strip()
    if not clause:
        return None
    for role in lex.roles:
        if any(p.search(clause) for p in role.before):
            return role.role
    return None


def mention_roles(mentions: list[Mention], tokens: list[Tok], text: str, lex: Lexicon) -> dict[int, str]:
    """Role found for each mention (by index in ``mentions``), when the text says one."""
    starts = [t.start for t in tokens]
    after: dict[int, str] = {}
    before: dict[int, str] = {}
    for idx, m in enumerate(mentions):
        role = _after_role(tokens, starts, m.chain_end, text, lex)
        if role:
            after[idx] = role
        role = _before_role(text, m.chain_start, lex)
        if role:
            before[idx] = role

    def coordinated(a: int, b: int) -> bool:
        between = text[mentions[a].chain_end : mentions[b].chain_start]
        return len(between) <= 20 and bool(_COORDINATION.match(between))

    # coordinated names share the predicate after the last one ("A, B và C chủ trì") …
    for idx in range(len(mentions) - 2, -1, -1):
        if idx not in after and idx + 1 in after and coordinated(idx, idx + 1):
            after[idx] = after[idx + 1]
    # … and the frame before the first one ("Dự có các đồng chí: A, …; B, …")
    for idx in range(1, len(mentions)):
        if idx not in before and idx - 1 in before and idx not in after and coordinated(idx - 1, idx):
            before[idx] = before[idx - 1]
    rank = precedence(lex)
    return {idx: min((r for r in (after.get(idx), before.get(idx)) if r), key=lambda r: rank.get(r, 99))
            for idx in set(after) | set(before)}


def precedence(lex: Lexicon) -> dict[str, int]:
    return {role.role: rank for rank, role in enumerate(lex.roles)}
