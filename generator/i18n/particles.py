"""Korean particles that follow a word filled into a sentence: 사업과, 지표와, 계획은, 부서는.

A Korean particle takes one of two forms by whether the word before it ends in a final consonant (받침): 과/와,
은/는, 이/가, 을/를, 이나/나, 이라/라; 으로/로 also takes 로 after ㄹ. The catalogue writes the particle as a
format spec on the placeholder, in either form — `{project:과}` — and `t` chooses the form the word needs, so one
rule serves every sentence instead of a hand-picked particle that fits only the word it was tried with.
A quoted word writes its opening mark before the particle: `{name:'은}` gives 'plans'는.

How a word ends is read as a Korean reader says it: a Hangul syllable by its final consonant, a digit by its
Korean name (1 일, 3 삼, 6 육, …), Latin letters by their common reading, and anything in trailing brackets or
quotes is skipped ("계획(2024~2027)" ends in 획).
"""

from __future__ import annotations

HANGUL_FIRST = 0xAC00
HANGUL_LAST = 0xD7A3
RIEUL = 8  # the index of ㄹ among the final consonants
RO_KO = "로"  # the one particle whose vowel form also follows ㄹ

# (after a final consonant, after a vowel): each form names its pair
PARTICLES_KO: tuple[tuple[str, str], ...] = (
    ("과", "와"),
    ("은", "는"),
    ("이", "가"),
    ("을", "를"),
    ("으로", "로"),
    ("이나", "나"),
    ("이라", "라"),
    ("이다", "다"),
    ("아", "야"),
)
FORMS_KO: dict[str, tuple[str, str]] = {form: pair for pair in PARTICLES_KO for form in pair}

# How each digit is read in Korean: True when its name ends in a consonant (영 일 삼 육 칠 팔), ㄹ for 일 칠 팔.
_DIGIT_FINAL_KO = {"0": "ㅇ", "1": "ㄹ", "2": "", "3": "ㅁ", "4": "", "5": "", "6": "ㄱ", "7": "ㄹ", "8": "ㄹ", "9": ""}
# Latin letters as Koreans read a final one: l 엘, m 엠, n 엔, r 알 end in a consonant (an approximation).
_LATIN_FINAL_KO = {"l": "ㄹ", "m": "ㅁ", "n": "ㄴ", "r": "ㄹ"}
_CLOSING = {")": "(", "]": "[", "}": "{", "」": "「", "』": "『", "》": "《", "〉": "〈"}
_QUOTES = "'\"’”‘“ .·"


def final_consonant(word: str) -> str | None:
    """How `word` ends when read aloud: "" for a vowel, "ㄹ" for ㄹ, "c" for another consonant, None unknown."""
    text = _spoken_end(word)
    if not text:
        return None
    last = text[-1]
    code = ord(last)
    if HANGUL_FIRST <= code <= HANGUL_LAST:
        final = (code - HANGUL_FIRST) % 28
        return "" if final == 0 else "ㄹ" if final == RIEUL else "c"
    if last in _DIGIT_FINAL_KO:
        sound = _DIGIT_FINAL_KO[last]
        return "" if not sound else "ㄹ" if sound == "ㄹ" else "c"
    if last.isascii() and last.isalpha():
        sound = _LATIN_FINAL_KO.get(last.lower(), "")
        return "" if not sound else "ㄹ" if sound == "ㄹ" else "c"
    if last in "%+-":  # 퍼센트, 플러스, 마이너스
        return ""
    return None


def attach(word: str, particle: str) -> str:
    """`word` with `particle` in the form its ending takes: attach("사업", "와") == "사업과"."""
    with_consonant, with_vowel = FORMS_KO[particle]
    final = final_consonant(word)
    if final is None:
        # Unknown reading: both forms, as Korean official writing does ("ABC와(과)").
        return f"{word}{with_vowel}({with_consonant})"
    if final == "ㄹ" and with_vowel == RO_KO:
        return word + with_vowel
    return word + (with_consonant if final else with_vowel)


def agrees(word: str, form: str) -> bool:
    """Whether `form` written after `word` is the form its ending takes. After a vowel the copula keeps its 이 as
    well as dropping it (목표이다 and 목표다 are both standard), so either agrees there."""
    if word + form == attach(word, form):
        return True
    with_consonant, _ = FORMS_KO[form]
    return form == with_consonant and form in _COPULA_KO and final_consonant(word) == ""


_COPULA_KO = frozenset({"이다", "이라", "이나"})


def _spoken_end(word: str) -> str:
    """`word` without what is not read before a particle: trailing quotes, spaces and bracketed asides."""
    text = word.rstrip(_QUOTES)
    while text and text[-1] in _CLOSING:
        opening = text.rfind(_CLOSING[text[-1]])
        if opening <= 0:
            return text[:-1].rstrip(_QUOTES)
        text = text[:opening].rstrip(_QUOTES)
    return text


# A spec may open with a quotation mark: `{name:'은}` quotes the word, then attaches the particle after the
# closing mark ('plans'는), which a particle written inside the braces could not reach.
QUOTES_KO = {"'": "'", '"': '"', "‘": "’", "“": "”", "「": "」", "『": "』"}


def is_particle_spec(spec: str) -> bool:
    """Whether `spec` is a particle format spec: `과`, `으로`, or one after an opening quotation mark (`'은`)."""
    return spec in FORMS_KO or (spec[:1] in QUOTES_KO and spec[1:] in FORMS_KO)


def with_particle(word: str, spec: str) -> str:
    """`word` as the particle spec `spec` writes it: with_particle("plans", "'은") == "'plans'는"."""
    if spec in FORMS_KO:
        return attach(word, spec)
    return attach(f"{spec[0]}{word}{QUOTES_KO[spec[0]]}", spec[1:])


class Word(str):
    """A value filled into a catalogue sentence: `{name:과}` attaches the particle its ending takes."""

    def __format__(self, spec: str) -> str:
        if is_particle_spec(spec):
            return with_particle(str(self), spec)
        return format(str(self), spec)
