#!/usr/bin/env python3
"""Score eventline (or any schema-v1 JSONL) against the MUC-4 DEV answer keys.

Unit of scoring: the INCIDENT, per message.

Keys.  The official DEV keys (key-dev-*.muc4 inside muc4_dev_keys.tar.xz) are
extracted to a temporary directory at run time and never written into the
repository.  Every template whose MESSAGE: TEMPLATE is not "*" is one key
incident with a type (INCIDENT: TYPE), a date (INCIDENT: DATE) and a location.
Templates marked "(OPTIONAL)" count only when matched (MUC convention): an
unmatched optional key costs no recall, a matched one counts as correct.
Key message ids "DEV-MUC3-0001 (NCCOSC)" map to JSONL ids "DEV-MUC3-0001".

Predictions.  Rows of schema v1 JSONL (keys doc_id, event_type, date_start,
date_end, location, modality).  event_type is mapped to a MUC-4 type:
    attack, armed_clash, air_strike, shelling, killing -> ATTACK
    explosion -> BOMBING   abduction -> KIDNAPPING   arson -> ARSON
(MUC-4 has no MURDER type: the key authors folded murders into ATTACK.)
Rows of any other type are ignored (MUC-4 does not annotate them), as are rows
whose modality is in --drop-modality.  Rows of one message are then clustered
into predicted incidents (--cluster):
    type-date (default)  one incident per (MUC type, date_start, date_end)
    type                 one incident per MUC type; its date is the most
                         frequent dated interval among its rows
    none                 every row is an incident

Matching.  Per message and per MUC type, predicted incidents and key incidents
are paired by a maximum-weight bipartite assignment that maximises, in this
order: the number of pairs, the number of required keys paired, the number of
pairs whose date is right.  A predicted incident can only pair with a key of
the same type.  Then
    precision = pairs / predicted incidents
    recall    = pairs / (required keys + optional keys that were paired)
    F1        = harmonic mean.

Dates.  A key date is a list of alternatives separated by "/", each one of
"DD MMM YY" (one day), "DD MMM YY - DD MMM YY" (a range), "- DD MMM YY" (on or
before that day: open start), optionally in parentheses (an approximation; the
same interval is used).  Missing years take the message's dateline year.
A paired prediction's date is right when its [date_start, date_end] interval
equals or lies within one alternative's interval; a prediction with an open
start (date_start empty, date_end set) fits only an open-start key whose end is
no earlier.  Date accuracy is computed
over paired keys that have a date ("-" keys are left out); a prediction with
no date is wrong (--undated-pub-date scores it as dated with its
pub_date instead).  "point" accuracy restricts to keys whose every alternative
is a single day, which the open-start "- D" convention cannot make lenient.

Location.  A paired prediction's location is right when, upper-cased and
without accents, it equals one component of the key's LOCATION path
("EL SALVADOR: SAN MIGUEL (DEPARTMENT): ..." -> EL SALVADOR, SAN MIGUEL, ...).

Usage:
    muc4_score.py --pred pred.jsonl [--baseline]
    muc4_score.py --run build/eventline [--baseline] [--save-pred out.jsonl]
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import tarfile
import tempfile
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

CORPUS_DEV = "/work/shared/corpus/dev"
DEFAULT_KEYS = os.path.join(CORPUS_DEV, "muc4_dev_keys.tar.xz")
DEFAULT_TEXTS = os.path.join(CORPUS_DEV, "muc4_dev.jsonl")

TYPE_MAP = {
    "attack": "ATTACK",
    "armed_clash": "ATTACK",
    "air_strike": "ATTACK",
    "shelling": "ATTACK",
    "killing": "ATTACK",
    "explosion": "BOMBING",
    "abduction": "KIDNAPPING",
    "arson": "ARSON",
}
MUC_TYPES = ["ATTACK", "BOMBING", "KIDNAPPING", "ARSON", "ROBBERY",
             "FORCED WORK STOPPAGE"]

MONTHS = {m: i + 1 for i, m in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}


# --------------------------------------------------------------------------
# Keys

class KeyIncident:
    __slots__ = ("msg_id", "types", "optional", "date_alts", "date_raw",
                 "location_parts", "location_raw")

    def __init__(self):
        self.msg_id = ""
        self.types = set()
        self.optional = False
        self.date_alts = []      # list of (lo|None, hi) date pairs
        self.date_raw = ""
        self.location_parts = set()
        self.location_raw = ""

    @property
    def has_date(self):
        return bool(self.date_alts)

    @property
    def point_date(self):
        return bool(self.date_alts) and all(
            lo is not None and lo == hi for lo, hi in self.date_alts)


SLOT_RE = re.compile(r"^\s*(\d+)\.\s+(\S.*?)(?:\s{2,}(.*?))?\s*$")
DAY_RE = re.compile(
    r"^(?:(\d{1,2})\s+([A-Z]{3})[A-Z]*|([A-Z]{3})[A-Z]*\s+(\d{1,2}))(?:\s+(\d{2}))?$")


def _parse_day(text, ref_date):
    """'30 DEC 89', '11 Feb 90', '03 MARCH 90', '11 NOV', 'OCT 18' -> date."""
    m = DAY_RE.match(text.strip().upper())
    if not m:
        return None
    day = int(m.group(1) or m.group(4))
    mon = MONTHS.get(m.group(2) or m.group(3))
    if mon is None:
        return None
    if m.group(5):
        year = 1900 + int(m.group(5))
    elif ref_date is not None:
        year = ref_date.year
        try:
            if dt.date(year, mon, day) > ref_date:
                year -= 1
        except ValueError:
            return None
    else:
        return None
    try:
        return dt.date(year, mon, day)
    except ValueError:
        return None


def parse_key_date(value, ref_date=None):
    """Key INCIDENT: DATE -> list of (lo|None, hi) alternatives."""
    value = value.strip()
    if value in ("", "*", "-"):
        return []
    alts = []
    for alt in value.split("/"):
        alt = alt.strip().strip("()").strip().lstrip("?").strip()
        if not alt or alt == "-":
            continue
        if alt.startswith("-"):
            hi = _parse_day(alt[1:], ref_date)
            if hi is not None:
                alts.append((None, hi))
            continue
        if " - " in alt:
            a, b = alt.split(" - ", 1)
            lo, hi = _parse_day(a, ref_date), _parse_day(b, ref_date)
            if lo is not None and hi is not None and lo <= hi:
                alts.append((lo, hi))
            continue
        d = _parse_day(alt, ref_date)
        if d is not None:
            alts.append((d, d))
    return alts


def fold(text):
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text.upper()).strip()


def parse_key_location(value):
    parts = set()
    for alt in value.split("/"):
        for comp in alt.split(":"):
            comp = re.sub(r"\([^)]*\)", "", comp).replace('"', "")
            comp = comp.strip().lstrip("?").strip()
            if comp and comp not in ("-", "*"):
                parts.add(fold(comp))
    return parts


def read_key_templates(lines):
    """Yields dicts slot name -> list of value lines, one per template."""
    cur, last = {}, None
    for raw in lines:
        line = raw.rstrip("\n")
        if line.startswith(";"):
            continue
        if not line.strip():
            if cur:
                yield cur
            cur, last = {}, None
            continue
        m = SLOT_RE.match(line)
        if m and m.group(2) and ":" in m.group(2):
            last = m.group(2).strip()
            cur.setdefault(last, []).append((m.group(3) or "").strip())
        elif last is not None:
            cur[last].append(line.strip())
    if cur:
        yield cur


def load_keys(keys_path, msg_dates):
    """Returns {msg_id: [KeyIncident]} for every message (irrelevant: [])."""
    keys = collections.OrderedDict()
    with tempfile.TemporaryDirectory(prefix="muc4keys-") as tmp:
        with tarfile.open(keys_path) as tar:
            members = [m for m in tar.getmembers()
                       if os.path.basename(m.name).startswith("key-")]
            tar.extractall(tmp, members=members, filter="data")
        files = sorted(os.path.join(r, f) for r, _, fs in os.walk(tmp)
                       for f in fs if f.startswith("key-"))
        for path in files:
            with open(path, encoding="latin-1") as fh:
                for slots in read_key_templates(fh):
                    ids = slots.get("MESSAGE: ID")
                    if not ids:
                        continue
                    msg_id = ids[0].split()[0]
                    keys.setdefault(msg_id, [])
                    tmpl = " ".join(slots.get("MESSAGE: TEMPLATE", ["*"]))
                    if tmpl.strip().startswith("*"):
                        continue
                    k = KeyIncident()
                    k.msg_id = msg_id
                    k.optional = "OPTIONAL" in tmpl
                    type_val = " ".join(slots.get("INCIDENT: TYPE", [""]))
                    k.types = {t.strip().lstrip("?").strip()
                               for t in type_val.split("/") if t.strip()}
                    k.date_raw = " ".join(slots.get("INCIDENT: DATE", [""]))
                    k.date_alts = parse_key_date(k.date_raw,
                                                 msg_dates.get(msg_id))
                    k.location_raw = " ".join(
                        slots.get("INCIDENT: LOCATION", [""]))
                    k.location_parts = parse_key_location(k.location_raw)
                    keys[msg_id].append(k)
    return keys


def load_msg_dates(texts_path):
    dates = collections.OrderedDict()
    with open(texts_path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            d = rec.get("date") or ""
            dates[rec["id"]] = dt.date.fromisoformat(d) if d else None
    return dates


def doc_half(msg_id):
    """The fixed half of a message id: "design" or "heldout".

    The first byte of the SHA-1 of the id (e.g. "DEV-MUC3-0001", UTF-8) is
    even for the design half, odd for the held-out half (session 22).  The
    held-out half is for measuring only, never for tuning."""
    return ("design" if hashlib.sha1(msg_id.encode("utf-8")).digest()[0] % 2
            == 0 else "heldout")


def select_docs(keys, half=None, ids_path=None):
    """Keeps the messages of keys in the given half and/or id list."""
    keep = set(keys)
    if half:
        keep = {m for m in keep if doc_half(m) == half}
    if ids_path:
        try:
            with open(ids_path, encoding="utf-8") as fh:
                wanted = {ln.split()[0] for ln in fh if ln.strip()
                          and not ln.startswith("#")}
        except (OSError, UnicodeDecodeError) as e:
            sys.exit(f"muc4_score: {ids_path}: cannot read the id list: {e}")
        unknown = wanted - set(keys)
        if unknown:
            sys.stderr.write(f"warning: {len(unknown)} ids of {ids_path} "
                             "are not DEV messages\n")
        keep &= wanted
    return collections.OrderedDict(
        (m, v) for m, v in keys.items() if m in keep)


# --------------------------------------------------------------------------
# Predictions

class PredIncident:
    __slots__ = ("type", "lo", "hi", "location", "rows")

    def __init__(self, type_, lo, hi, location, rows):
        self.type, self.lo, self.hi = type_, lo, hi
        self.location, self.rows = location, rows


def _iso(value):
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def load_predictions(path, type_map, drop_modality, cluster,
                     undated_pub_date=False):
    """Returns ({doc_id: [PredIncident]}, stats)."""
    by_doc = collections.defaultdict(list)
    stats = collections.Counter()
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                raise SystemExit(f"{path}:{n}: not JSON: {e}")
            stats["rows"] += 1
            muc = type_map.get(row.get("event_type") or "")
            if muc is None:
                stats["rows_unmapped_type"] += 1
                continue
            if (row.get("modality") or "") in drop_modality:
                stats["rows_dropped_modality"] += 1
                continue
            stats["rows_scored"] += 1
            lo, hi = _iso(row.get("date_start")), _iso(row.get("date_end"))
            # An open start ("until Tuesday", an earlier event the text does
            # not date: ..pub) is still a date: its end bounds the event.
            if hi is None:
                stats["rows_undated"] += 1
                if undated_pub_date and _iso(row.get("pub_date")):
                    lo = hi = _iso(row.get("pub_date"))
            by_doc[str(row.get("doc_id"))].append(
                (muc, lo, hi, row.get("location") or ""))
    out = {}
    for doc, rows in by_doc.items():
        incidents = []
        if cluster == "none":
            incidents = [PredIncident(t, lo, hi, loc, 1)
                         for t, lo, hi, loc in rows]
        else:
            groups = collections.OrderedDict()
            for t, lo, hi, loc in rows:
                key = (t, lo, hi) if cluster == "type-date" else (t,)
                groups.setdefault(key, []).append((lo, hi, loc))
            for key, members in groups.items():
                dated = collections.Counter(
                    (lo, hi) for lo, hi, _ in members if hi is not None)
                lo, hi = (dated.most_common(1)[0][0] if dated
                          else (None, None))
                locs = collections.Counter(l for _, _, l in members if l)
                loc = locs.most_common(1)[0][0] if locs else ""
                incidents.append(PredIncident(key[0], lo, hi, loc,
                                              len(members)))
        out[doc] = incidents
    return out, stats


# --------------------------------------------------------------------------
# Matching

def date_right(pred, key):
    if pred.hi is None:
        return False
    for lo, hi in key.date_alts:
        # An open-start prediction fits only an open-start key ("- 08 FEB 89").
        if pred.lo is None and lo is not None:
            continue
        if (lo is None or pred.lo >= lo) and pred.hi <= hi:
            return True
    return False


def location_right(pred, key):
    return bool(pred.location) and fold(pred.location) in key.location_parts


def hungarian_max(weights):
    """Maximum-weight assignment on a rectangular matrix (rows <= cols).

    Returns a list col_of_row.  O(n^2 m), fine for a message's incidents."""
    n = len(weights)
    m = len(weights[0]) if n else 0
    if n == 0:
        return []
    big = max(max(r) for r in weights)
    cost = [[big - w for w in r] for r in weights]  # minimise
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    p, way = [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    col_of_row = [-1] * n
    for j in range(1, m + 1):
        if p[j]:
            col_of_row[p[j] - 1] = j - 1
    return col_of_row


def match_type(preds, keys):
    """Pairs predicted and key incidents of one type in one message.

    Returns a list of (pred, key) pairs."""
    if not preds or not keys:
        return []

    def weight(p, k):
        return 1_000_000 + (0 if k.optional else 1_000) + (
            1 if date_right(p, k) else 0)

    if len(preds) <= len(keys):
        w = [[weight(p, k) for k in keys] for p in preds]
        cols = hungarian_max(w)
        return [(preds[i], keys[j]) for i, j in enumerate(cols) if j >= 0]
    w = [[weight(p, k) for p in preds] for k in keys]
    cols = hungarian_max(w)
    return [(preds[j], keys[i]) for i, j in enumerate(cols) if j >= 0]


class Score:
    def __init__(self, name):
        self.name = name
        self.per_type = collections.defaultdict(collections.Counter)
        self.tot = collections.Counter()
        # (msg, type, n_pred, n_req, n_opt, n_pair, n_req_pair)
        self.details = []
        self.stats = collections.Counter()

    def add(self, typ, **counts):
        for k, v in counts.items():
            self.per_type[typ][k] += v
            self.tot[k] += v

    @staticmethod
    def prf(c):
        p = c["pair"] / c["pred"] if c["pred"] else 0.0
        denom = c["req"] + c["opt_pair"]
        r = c["pair"] / denom if denom else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def score(name, keys, preds):
    s = Score(name)
    unknown_docs = set(preds) - set(keys)
    s.stats["pred_docs_not_in_keys"] = len(unknown_docs)
    for msg_id, key_list in keys.items():
        pred_list = preds.get(msg_id, [])
        types = {t for k in key_list for t in k.types} | {
            p.type for p in pred_list}
        for typ in sorted(types):
            kt = [k for k in key_list if typ in k.types]
            pt = [p for p in pred_list if p.type == typ]
            pairs = match_type(pt, kt)
            n_req = sum(1 for k in kt if not k.optional)
            n_opt_pair = sum(1 for _, k in pairs if k.optional)
            dated = [(p, k) for p, k in pairs if k.has_date]
            point = [(p, k) for p, k in dated if k.point_date]
            located = [(p, k) for p, k in pairs if k.location_parts]
            s.add(typ, pred=len(pt), req=n_req,
                  opt=len(kt) - n_req, pair=len(pairs), opt_pair=n_opt_pair,
                  dated=len(dated),
                  date_ok=sum(date_right(p, k) for p, k in dated),
                  point=len(point),
                  point_ok=sum(date_right(p, k) for p, k in point),
                  located=len(located),
                  loc_ok=sum(location_right(p, k) for p, k in located))
            if pt or n_req:
                s.details.append((msg_id, typ, len(pt), n_req,
                                  len(kt) - n_req, len(pairs),
                                  len(pairs) - n_opt_pair))
    return s


# --------------------------------------------------------------------------
# Reporting

def pct(a, b):
    return f"{100.0 * a / b:5.1f}" if b else "   - "


def print_report(scores, keys, out=sys.stdout):
    n_msgs = len(keys)
    n_rel = sum(1 for v in keys.values() if v)
    n_keys = sum(len(v) for v in keys.values())
    n_opt = sum(1 for v in keys.values() for k in v if k.optional)
    print(f"MUC-4 DEV: {n_msgs} messages, {n_rel} relevant, {n_keys} key "
          f"incidents ({n_keys - n_opt} required, {n_opt} optional)", file=out)
    print("", file=out)
    hdr = (f"{'system':<12} {'pred':>6} {'pairs':>6} {'P%':>6} {'R%':>6} "
           f"{'F1%':>6} {'date%':>6} {'point%':>7} {'loc%':>6}")
    print(hdr, file=out)
    print("-" * len(hdr), file=out)
    mapped = set(TYPE_MAP.values())
    rows = []
    for s in scores:
        rows.append((s.name, s.tot))
    for s in scores:
        sub = collections.Counter()
        for typ, c in s.per_type.items():
            if typ in mapped:
                sub.update(c)
        rows.append((s.name + "*", sub))
    for name, t in rows:
        p, r, f = Score.prf(t)
        print(f"{name:<12} {t['pred']:>6} {t['pair']:>6} {100*p:6.1f} "
              f"{100*r:6.1f} {100*f:6.1f} {pct(t['date_ok'], t['dated']):>6} "
              f"{pct(t['point_ok'], t['point']):>7} "
              f"{pct(t['loc_ok'], t['located']):>6}", file=out)
    print("", file=out)
    print("*: only the key types eventline can produce "
          f"({', '.join(sorted(mapped))}).", file=out)
    print("date%: paired keys with a date whose predicted interval lies "
          "within the key's;\npoint%: same, keys with single-day dates only;"
          " loc%: predicted location is a\ncomponent of the key location "
          "path.", file=out)
    print("", file=out)
    print("Per MUC-4 type (P / R / F1 in %; keys = required+optional)",
          file=out)
    top = " " * 32 + "".join(f" | {s.name[:23]:^23}" for s in scores)
    hdr = f"{'type':<22} {'keys':>9}" + "".join(
        f" | {'pred':>5} {'P':>5} {'R':>5} {'F1':>5}" for _ in scores)
    print(top, file=out)
    print(hdr, file=out)
    print("-" * len(hdr), file=out)
    types = [t for t in MUC_TYPES if any(t in s.per_type for s in scores)]
    types += sorted({t for s in scores for t in s.per_type} - set(types))
    for typ in types:
        c0 = scores[0].per_type[typ]
        row = f"{typ:<22} {str(c0['req']) + '+' + str(c0['opt']):>9}"
        for s in scores:
            c = s.per_type[typ]
            p, r, f = Score.prf(c)
            row += f" | {c['pred']:>5} {100*p:5.1f} {100*r:5.1f} {100*f:5.1f}"
        print(row, file=out)
    for s in scores:
        if s.stats:
            st = ", ".join(f"{k}={v}" for k, v in sorted(s.stats.items()))
            print(f"\n{s.name}: {st}", file=out)


def write_details(path, scores):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("system\tmsg_id\ttype\tpred\tkeys_req\tkeys_opt\tpairs\t"
                 "fp\tfn\n")
        for s in scores:
            for msg, typ, np_, nr, no, npair, nreqpair in s.details:
                fn = nr - nreqpair
                fh.write(f"{s.name}\t{msg}\t{typ}\t{np_}\t{nr}\t{no}\t{npair}"
                         f"\t{np_ - npair}\t{fn}\n")


# --------------------------------------------------------------------------

def write_oracle(keys, path):
    """One row per key incident of a type eventline can produce, dated with
    its first date alternative (an open start "- D" becomes the day D): the
    ceiling a perfect extractor reaches under a given --cluster mode."""
    inverse = {"ATTACK": "attack", "BOMBING": "explosion",
               "KIDNAPPING": "abduction", "ARSON": "arson"}
    with open(path, "w", encoding="utf-8") as fh:
        for msg_id, key_list in keys.items():
            for k in key_list:
                for t in sorted(k.types):
                    if t not in inverse:
                        continue
                    lo, hi = k.date_alts[0] if k.date_alts else (None, None)
                    lo = lo or hi
                    fh.write(json.dumps({
                        "doc_id": msg_id, "event_type": inverse[t],
                        "date_start": lo.isoformat() if lo else None,
                        "date_end": hi.isoformat() if hi else None,
                        "location": None, "modality": "asserted"}) + "\n")
                    break


def run_eventline(binary, texts, extra_args, out_path):
    # The input path goes first: a vector option like --rules would
    # swallow a path that follows it.
    cmd = [binary, "extract", texts, "--input", "jsonl", "--format", "jsonl",
           *extra_args]
    t0 = time.monotonic()
    with open(out_path, "wb") as out:
        proc = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE)
    secs = time.monotonic() - t0
    err = proc.stderr.decode("utf-8", "replace").strip()
    if proc.returncode not in (0, 1):
        sys.stderr.write(err[-4000:] + "\n")
        raise SystemExit(f"eventline exited {proc.returncode}: "
                         f"{' '.join(cmd)}")
    if err:
        lines = err.splitlines()
        sys.stderr.write("eventline stderr (last lines):\n  " +
                         "\n  ".join(lines[-5:]) + "\n")
    return secs


# --------------------------------------------------------------------------
# Self-test on a synthetic, hand-written key file (no corpus text).

_TEST_KEYS = """\
0.  MESSAGE: ID                     TST-0001 (X)
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  - 05 MAR 90
3.  INCIDENT: LOCATION              NARNIA: CAIR PARAVEL (CITY)
4.  INCIDENT: TYPE                  BOMBING

;;; a comment line
0.  MESSAGE: ID                     TST-0001 (X)
1.  MESSAGE: TEMPLATE               2 (OPTIONAL)
2.  INCIDENT: DATE                  (03 MAR 90 - 04 MAR 90) / 01 MAR 90
3.  INCIDENT: LOCATION              NARNIA
4.  INCIDENT: TYPE                  ATTACK

0.  MESSAGE: ID                     TST-0002 (X)
1.  MESSAGE: TEMPLATE               *
2.  INCIDENT: DATE                  *
4.  INCIDENT: TYPE                  *

0.  MESSAGE: ID                     TST-0003 (X)
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  28 FEB
3.  INCIDENT: LOCATION              -
4.  INCIDENT: TYPE                  KIDNAPPING

0.  MESSAGE: ID                     TST-0003 (X)
1.  MESSAGE: TEMPLATE               2
2.  INCIDENT: DATE                  -
3.  INCIDENT: LOCATION              -
4.  INCIDENT: TYPE                  KIDNAPPING
"""


def self_test():
    d = dt.date
    assert parse_key_date("- 30 DEC 89") == [(None, d(1989, 12, 30))]
    assert parse_key_date("26 AUG 89 - 28 AUG 89") == [
        (d(1989, 8, 26), d(1989, 8, 28))]
    assert parse_key_date("(24 DEC 89)") == [(d(1989, 12, 24),) * 2]
    assert parse_key_date("11 NOV", d(1990, 1, 3)) == [(d(1989, 11, 11),) * 2]
    assert parse_key_date("OCT 18", d(1989, 11, 3)) == [(d(1989, 10, 18),) * 2]
    assert parse_key_date("-") == [] and parse_key_date("*") == []
    assert parse_key_location("PERU: LIMA (CITY) / CALLAO (PORT)") == {
        "PERU", "LIMA", "CALLAO"}
    with tempfile.TemporaryDirectory() as tmp:
        kdir = os.path.join(tmp, "keys")
        os.mkdir(kdir)
        with open(os.path.join(kdir, "key-tst-0001.muc4"), "w") as fh:
            fh.write(_TEST_KEYS)
        tar_path = os.path.join(tmp, "keys.tar.xz")
        with tarfile.open(tar_path, "w:xz") as tar:
            tar.add(kdir, arcname="keys")
        dates = {"TST-0001": d(1990, 3, 5), "TST-0002": d(1990, 3, 6),
                 "TST-0003": d(1990, 3, 2)}
        keys = load_keys(tar_path, dates)
        assert [len(keys[m]) for m in sorted(keys)] == [2, 0, 2]
        rows = [
            # message 1: bombing right (date within open start), located.
            ("TST-0001", "explosion", "1990-03-04", "1990-03-04", "Cair Paravel"),
            # same incident again: collapses with the row above.
            ("TST-0001", "explosion", "1990-03-04", "1990-03-04", None),
            # attack inside the optional key's range alternative.
            ("TST-0001", "shelling", "1990-03-03", "1990-03-03", None),
            # negated row: dropped.
            ("TST-0001", "arson", "1990-03-03", "1990-03-03", None, "negated"),
            # unmapped type: ignored.
            ("TST-0001", "protest", "1990-03-03", "1990-03-03", None),
            # irrelevant message: a false positive.
            ("TST-0002", "killing", "1990-03-06", "1990-03-06", None),
            # two kidnappings keyed, one predicted with a wrong date.
            ("TST-0003", "abduction", "1990-03-01", "1990-03-01", None),
        ]
        pred_path = os.path.join(tmp, "pred.jsonl")
        with open(pred_path, "w") as fh:
            for r in rows:
                fh.write(json.dumps({
                    "doc_id": r[0], "event_type": r[1], "date_start": r[2],
                    "date_end": r[3], "location": r[4],
                    "modality": r[5] if len(r) > 5 else "asserted"}) + "\n")
        preds, stats = load_predictions(pred_path, TYPE_MAP,
                                        {"negated"}, "type-date")
        assert stats["rows_dropped_modality"] == 1, stats
        assert stats["rows_unmapped_type"] == 1, stats
        s = score("t", keys, preds)
        t = s.tot
        # predicted incidents: BOMBING, ATTACK (msg 1), ATTACK (msg 2),
        # KIDNAPPING (msg 3) = 4; pairs: 3; required 3 + 1 optional paired.
        assert (t["pred"], t["pair"], t["req"], t["opt_pair"]) == (4, 3, 3, 1), t
        p, r, f = Score.prf(t)
        assert abs(p - 0.75) < 1e-9 and abs(r - 0.75) < 1e-9, (p, r)
        # dates: bombing ok, attack ok (range alternative); kidnapping:
        # paired with the dated key (28 FEB 90), predicted 1 MAR: wrong.
        assert (t["dated"], t["date_ok"]) == (3, 2), t
        assert (t["located"], t["loc_ok"]) == (2, 1), t
        preds1, _ = load_predictions(pred_path, TYPE_MAP, set(), "none")
        t1 = score("t", keys, preds1).tot
        # explosion rows are 2 incidents now; arson is kept (FP).
        assert (t1["pred"], t1["pair"]) == (6, 3), t1
    print("self-test ok")
    return 0


def main(argv=None):
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = ap.add_argument_group("what to score (any combination)")
    src.add_argument("--pred", action="append", default=[], metavar="JSONL",
                     help="schema-v1 JSONL predictions (repeatable; "
                          "NAME=PATH sets the column name)")
    src.add_argument("--run", metavar="BINARY",
                     help="run BINARY extract --input jsonl --format jsonl "
                          "over the DEV texts and score its output")
    src.add_argument("--run-arg", action="append", default=[],
                     metavar="ARG", help="extra argument for --run "
                                         "(repeatable, e.g. --run-arg=--rules=DIR)")
    src.add_argument("--save-pred", metavar="PATH",
                     help="keep the --run output here (default: temp file)")
    src.add_argument("--baseline", action="store_true",
                     help="also score the keyword baseline (muc4_baseline.py)")
    src.add_argument("--oracle", action="store_true",
                     help="also score rows made from the keys themselves: "
                          "the ceiling of the chosen --cluster mode")
    ap.add_argument("--keys", default=DEFAULT_KEYS,
                    help="answer-key tarball (default: %(default)s)")
    ap.add_argument("--texts", default=DEFAULT_TEXTS,
                    help="MUC-4 DEV JSONL (default: %(default)s)")
    ap.add_argument("--half", choices=["design", "heldout"],
                    help="score only one fixed half of the messages: "
                         "'design' when the first byte of sha1(id) is even, "
                         "'heldout' when it is odd (the held-out half is for "
                         "measuring only, never for tuning)")
    ap.add_argument("--ids", metavar="FILE",
                    help="score only the messages whose ids are listed in "
                         "FILE (one id a line, first token; '#' comments); "
                         "with --half, the intersection")
    ap.add_argument("--cluster", choices=["type-date", "type", "none"],
                    default="type-date", help="how rows of one message form "
                    "predicted incidents (default: %(default)s)")
    ap.add_argument("--drop-modality", default="negated,hypothetical,denied",
                    help="comma list of modality values to ignore "
                         "(default: %(default)s; '' keeps all)")
    ap.add_argument("--map", action="append", default=[], metavar="TYPE=MUC",
                    help="extra/override type mapping, e.g. "
                         "casualties=ATTACK; TYPE= removes a mapping")
    ap.add_argument("--undated-pub-date", action="store_true",
                    help="score rows without date_start/date_end as if "
                         "dated with their pub_date (default: date wrong)")
    ap.add_argument("--details", metavar="TSV",
                    help="write per-message, per-type counts (fp/fn) here")
    ap.add_argument("--json", metavar="PATH",
                    help="write the totals as JSON here")
    ap.add_argument("--self-test", action="store_true",
                    help="check the key parser, clustering and matching on "
                         "a synthetic key file, then exit")
    args = ap.parse_args(argv)
    if args.self_test:
        return self_test()

    if not (args.pred or args.run or args.baseline or args.oracle):
        ap.error("give --pred, --run, --baseline and/or --oracle")

    type_map = dict(TYPE_MAP)
    for item in args.map:
        t, _, m = item.partition("=")
        if m:
            type_map[t.strip()] = m.strip().upper()
        else:
            type_map.pop(t.strip(), None)
    drop = {m.strip() for m in args.drop_modality.split(",") if m.strip()}

    msg_dates = load_msg_dates(args.texts)
    keys = load_keys(args.keys, msg_dates)
    missing = set(msg_dates) - set(keys)
    if missing:
        sys.stderr.write(f"warning: {len(missing)} messages have no key\n")
    if args.half or args.ids:
        keys = select_docs(keys, args.half, args.ids)

    systems = []  # (name, path)
    tmpdir = tempfile.TemporaryDirectory(prefix="muc4score-")
    if args.baseline:
        import muc4_baseline
        path = os.path.join(tmpdir.name, "baseline.jsonl")
        with open(path, "w", encoding="utf-8") as out:
            muc4_baseline.run(args.texts, out)
        systems.append(("baseline", path))
    if args.run:
        path = args.save_pred or os.path.join(tmpdir.name, "eventline.jsonl")
        secs = run_eventline(args.run, args.texts, args.run_arg, path)
        sys.stderr.write(f"eventline: {secs:.2f} s over {args.texts}\n")
        systems.append(("eventline", path))
    if args.oracle:
        path = os.path.join(tmpdir.name, "oracle.jsonl")
        write_oracle(keys, path)
        systems.append(("oracle", path))
    for item in args.pred:
        name, sep, path = item.partition("=")
        if not sep:
            name, path = os.path.splitext(os.path.basename(item))[0], item
        systems.append((name, path))

    scores = []
    for name, path in systems:
        preds, stats = load_predictions(path, type_map, drop, args.cluster,
                                        args.undated_pub_date)
        if args.half or args.ids:  # messages left out are not predictions
            preds = {d: v for d, v in preds.items()
                     if d in keys or d not in msg_dates}
        s = score(name, keys, preds)
        s.stats.update(stats)
        scores.append(s)
    print(f"cluster={args.cluster} "
          f"drop-modality={','.join(sorted(drop)) or '-'} "
          f"undated-pub-date={'yes' if args.undated_pub_date else 'no'}"
          + (f" half={args.half}" if args.half else "")
          + (f" ids={args.ids}" if args.ids else ""))
    print_report(scores, keys)
    if args.details:
        write_details(args.details, scores)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            res = {}
            for s in scores:
                p, r, f = Score.prf(s.tot)
                res[s.name] = dict(s.tot, precision=p, recall=r, f1=f,
                                   per_type={t: dict(c) for t, c
                                             in s.per_type.items()})
            json.dump(res, fh, indent=1, sort_keys=True)
    tmpdir.cleanup()
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main())
