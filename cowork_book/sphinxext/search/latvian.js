/**
 * A light stemmer for Latvian: Lucene's LatvianStemmer algorithm (after K. Kreslins, 1996), for Sphinx search.
 * The same algorithm as cowork_book/sphinxext/search/latvian.py; tests/fixtures/latvian-stems.json checks both.
 */
var Stemmer = function () {
  var AFFIXES = [
    ["ajiem", 3, false], ["ajai", 3, false], ["ajam", 2, false], ["ajām", 2, false], ["ajos", 2, false],
    ["ajās", 2, false], ["iem", 2, true], ["ajā", 2, false], ["ais", 2, false], ["ai", 2, false],
    ["ei", 2, false], ["ām", 1, false], ["am", 1, false], ["ēm", 1, false], ["īm", 1, false],
    ["im", 1, false], ["um", 1, false], ["us", 1, true], ["as", 1, false], ["ās", 1, false],
    ["es", 1, false], ["os", 1, true], ["ij", 1, false], ["īs", 1, false], ["ēs", 1, false],
    ["is", 1, false], ["ie", 1, false], ["u", 1, true], ["a", 1, true], ["i", 1, true],
    ["e", 1, false], ["ā", 1, false], ["ē", 1, false], ["ī", 1, false], ["ū", 1, false],
    ["o", 1, false], ["s", 0, false], ["š", 0, false]
  ];
  var VOWELS = "aeiouāīēū";
  var PAIRS = [["šņ", "sn"], ["žņ", "zn"], ["šļ", "sl"], ["žļ", "zl"], ["ļņ", "ln"], ["ļļ", "ll"]];
  var SINGLE = { "č": "c", "ļ": "l", "ņ": "n" };

  function endsWith(word, end) {
    return word.length >= end.length && word.slice(word.length - end.length) === end;
  }

  function unpalatalize(stem, removed) {
    if (removed.charAt(0) === "u") {
      if (endsWith(stem, "kš")) return stem.slice(0, -1) + "st";
      if (endsWith(stem, "ņņ")) return stem.slice(0, -2) + "nn";
    }
    if (endsWith(stem, "pj") || endsWith(stem, "bj") || endsWith(stem, "mj") || endsWith(stem, "vj")) {
      return stem.slice(0, -1);
    }
    for (var i = 0; i < PAIRS.length; i++) {
      if (endsWith(stem, PAIRS[i][0])) return stem.slice(0, -2) + PAIRS[i][1];
    }
    var last = stem.charAt(stem.length - 1);
    if (SINGLE.hasOwnProperty(last)) return stem.slice(0, -1) + SINGLE[last];
    return stem;
  }

  this.stemWord = function (word) {
    var vowels = 0;
    for (var i = 0; i < word.length; i++) if (VOWELS.indexOf(word.charAt(i)) >= 0) vowels++;
    for (var j = 0; j < AFFIXES.length; j++) {
      var ending = AFFIXES[j][0];
      if (vowels > AFFIXES[j][1] && word.length >= ending.length + 3 && endsWith(word, ending)) {
        var base = word.slice(0, word.length - ending.length);
        return AFFIXES[j][2] ? unpalatalize(base, ending) : base;
      }
    }
    return word;
  };
};
