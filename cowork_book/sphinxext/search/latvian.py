"""A light stemmer for Latvian: Lucene's LatvianStemmer algorithm (after K. Krēsliņš, 1996), in Python.

It removes the main inflectional endings of nouns and adjectives (case, number, gender, definiteness), keeps
at least one vowel and three letters of stem, and undoes the consonant changes (palatalisation) that
declensions II, V and VI make before some endings. ``latvian.js`` is the same algorithm for the browser.
"""

# (ending, vowels the word must have more than, undo palatalisation)
AFFIXES = [
    ("ajiem", 3, False), ("ajai", 3, False), ("ajam", 2, False), ("ajām", 2, False), ("ajos", 2, False),
    ("ajās", 2, False), ("iem", 2, True), ("ajā", 2, False), ("ais", 2, False), ("ai", 2, False),
    ("ei", 2, False), ("ām", 1, False), ("am", 1, False), ("ēm", 1, False), ("īm", 1, False),
    ("im", 1, False), ("um", 1, False), ("us", 1, True), ("as", 1, False), ("ās", 1, False),
    ("es", 1, False), ("os", 1, True), ("ij", 1, False), ("īs", 1, False), ("ēs", 1, False),
    ("is", 1, False), ("ie", 1, False), ("u", 1, True), ("a", 1, True), ("i", 1, True),
    ("e", 1, False), ("ā", 1, False), ("ē", 1, False), ("ī", 1, False), ("ū", 1, False),
    ("o", 1, False), ("s", 0, False), ("š", 0, False),
]  # fmt: skip
VOWELS = set("aeiouāīēū")
# stem ending -> its form before palatalisation
PAIRS = [("šņ", "sn"), ("žņ", "zn"), ("šļ", "sl"), ("žļ", "zl"), ("ļņ", "ln"), ("ļļ", "ll")]
SINGLE = {"č": "c", "ļ": "l", "ņ": "n"}


def unpalatalize(stem, removed):
    if removed.startswith("u"):
        if stem.endswith("kš"):
            return stem[:-1] + "st"
        if stem.endswith("ņņ"):
            return stem[:-2] + "nn"
    if stem.endswith(("pj", "bj", "mj", "vj")):
        return stem[:-1]
    for changed, original in PAIRS:
        if stem.endswith(changed):
            return stem[:-2] + original
    if stem[-1:] in SINGLE:
        return stem[:-1] + SINGLE[stem[-1]]
    return stem


def stem(word):
    vowels = sum(1 for letter in word if letter in VOWELS)
    for ending, min_vowels, palatalizes in AFFIXES:
        if vowels > min_vowels and len(word) >= len(ending) + 3 and word.endswith(ending):
            base = word[: -len(ending)]
            return unpalatalize(base, ending) if palatalizes else base
    return word
