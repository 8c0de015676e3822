"""lunr.js 2.3.9's Porter stemmer, line for line, so the index built in Python
holds the terms lunr.js looks up, and one step of the hub's own after it
(`stem`): a word ending in "ship" is stemmed as the word without it, so that
"apprenticeships" finds "apprentices" (Porter leaves "apprenticeship" whole).
The browser's engine does the same (engine/query.js, `stem`).

Python lunr's stemmer follows the reference Porter algorithm, which differs from
lunr.js's (it turns "money" into "monei"; lunr.js keeps "money"), and a term
stemmed differently can never be found in the browser.
"""

from __future__ import annotations

import functools
import re

STEP2 = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize", "bli": "ble",
    "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate",
    "ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful", "ousness": "ous", "aliti": "al",
    "iviti": "ive", "biliti": "ble", "logi": "log",
}
STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}

_c = "[^aeiou]"
_v = "[aeiouy]"
_C = _c + "[^aeiouy]*"
_V = _v + "[aeiou]*"
MGR0 = re.compile("^(" + _C + ")?" + _V + _C)
MEQ1 = re.compile("^(" + _C + ")?" + _V + _C + "(" + _V + ")?$")
MGR1 = re.compile("^(" + _C + ")?" + _V + _C + _V + _C)
S_V = re.compile("^(" + _C + ")?" + _v)

RE_1A = re.compile(r"^(.+?)(ss|i)es$")
RE2_1A = re.compile(r"^(.+?)([^s])s$")
RE_1B = re.compile(r"^(.+?)eed$")
RE2_1B = re.compile(r"^(.+?)(ed|ing)$")
RE_1B_2 = re.compile(r".$")
RE2_1B_2 = re.compile(r"(at|bl|iz)$")
RE3_1B_2 = re.compile(r"([^aeiouylsz])\1$")
RE4_1B_2 = re.compile("^" + _C + _v + "[^aeiouwxy]$")
RE_1C = re.compile(r"^(.+?[^aeiou])y$")
RE_2 = re.compile("^(.+?)(" + "|".join(STEP2) + ")$")
RE_3 = re.compile("^(.+?)(" + "|".join(STEP3) + ")$")
RE_4 = re.compile(r"^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$")
RE2_4 = re.compile(r"^(.+?)(s|t)(ion)$")
RE_5 = re.compile(r"^(.+?)e$")
RE_5_1 = re.compile(r"ll$")
RE3_5 = re.compile("^" + _C + _v + "[^aeiouwxy]$")


# "ship" comes off a word only when at least this many letters are left, so that
# "hardship" and "township" keep theirs, while "apprenticeship" and "partnership" lose it.
SHIP_ROOT_MIN = 5


@functools.cache
def stem(w: str) -> str:
    """A word's stem: lunr.js's Porter stem, without a "ship" that Porter leaves on.
    Remembered: the finder's index and the site search's stem the same words,
    and a library repeats most of its words many times."""
    w = porter(w)
    if w.endswith("ship") and len(w) - 4 >= SHIP_ROOT_MIN:
        return porter(w[:-4])
    return w


def porter(w: str) -> str:
    """lunr.js's stemmer, line for line."""
    if len(w) < 3:
        return w
    first = w[0]
    if first == "y":
        w = "Y" + w[1:]
    if RE_1A.search(w):
        w = RE_1A.sub(r"\1\2", w, count=1)
    elif RE2_1A.search(w):
        w = RE2_1A.sub(r"\1\2", w, count=1)
    if m := RE_1B.search(w):
        if MGR0.search(m.group(1)):
            w = RE_1B_2.sub("", w, count=1)
    elif m := RE2_1B.search(w):
        if S_V.search(m.group(1)):
            w = m.group(1)
            if RE2_1B_2.search(w):
                w += "e"
            elif RE3_1B_2.search(w):
                w = RE_1B_2.sub("", w, count=1)
            elif RE4_1B_2.search(w):
                w += "e"
    if m := RE_1C.search(w):
        w = m.group(1) + "i"
    if (m := RE_2.search(w)) and MGR0.search(m.group(1)):
        w = m.group(1) + STEP2[m.group(2)]
    if (m := RE_3.search(w)) and MGR0.search(m.group(1)):
        w = m.group(1) + STEP3[m.group(2)]
    if m := RE_4.search(w):
        if MGR1.search(m.group(1)):
            w = m.group(1)
    elif m := RE2_4.search(w):
        if MGR1.search(m.group(1) + m.group(2)):
            w = m.group(1) + m.group(2)
    if m := RE_5.search(w):
        s = m.group(1)
        if MGR1.search(s) or (MEQ1.search(s) and not RE3_5.search(s)):
            w = s
    if RE_5_1.search(w) and MGR1.search(w):
        w = RE_1B_2.sub("", w, count=1)
    if first == "y":
        w = "y" + w[1:]
    return w
