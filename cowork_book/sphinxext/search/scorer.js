/* The book's search ranking and result snippets. Sphinx puts this file (html_search_scorer) into
   language_data.js, which the search page loads after searchtools.js; nothing else loads it.

   Ranking. Sphinx gives a page the same score whether a word is in its title or in any of its headings, and the
   same to every page that has the word in its text, then sorts those alphabetically. So a word in a heading
   that many pages share ("Lessons for a youth centre" on every case study) counted as much as the chapter
   about it. Here, for each word of the query, a page scores
   - 40 when the word is in the page's title,
   - 10 to 25 when it is in one of its headings, more the fewer pages have it in a heading (idf),
   - 5 to 10 when it is only in its text, more the fewer pages have it;
   a longer word that starts with the query's (a form the stemmer did not bring together: "rahastamine" for
   "rahastus") counts a little less in each place, and each form of the word that the page has adds a little
   (up to 3), and 10 more when the page's whole title (less its stopwords) is the query. The scores of the words
   add up. A page whose whole title is the query comes first (48), a section
   whose whole title it is after the pages whose title has the word (38); a glossary entry after those (30). (The fact-box labels of the case
   studies are not indexed at all: cowork_book.sphinxext.search.)

   Snippets. searchtools.js reads a result's text with textContent, which runs neighbouring blocks together
   ("SettingSmall town Opened2016"). Here each block ends with a space, and what is not reading text (the fact
   box, hidden parts of the tools, the tooltips' data, pictures, forms) is left out. */
var Scorer = {
  objNameMatch: 11,
  objPartialMatch: 6,
  objPrio: { 0: 15, 1: 5, 2: -5 },
  objPrioDefault: 0,
  title: 15,
  partialTitle: 7,
  term: 5,
  partialTerm: 2,

  _query: null,
  _words: function () { // the query's words, stemmed as the index is
    if (Scorer._query === null) {
      var query = new URLSearchParams(window.location.search).get("q") || "";
      var stemmer = new Stemmer();
      Scorer._query = splitQuery(query.toLowerCase().trim()).filter(function (word) {
        return !stopwords.has(word) && !/^\d+$/.test(word) && word[0] !== "-";
      }).map(function (word) { return stemmer.stemWord(word); });
    }
    return Scorer._query;
  },
  _titleWords: {},
  _inTitle: function (file, word, prefix) { // is the word (or, with prefix, a longer form) in the page's title?
    if (!Scorer._titleWords[file]) {
      var stemmer = new Stemmer();
      Scorer._titleWords[file] = splitQuery(Search._index.titles[file].toLowerCase()).map(function (w) {
        return stemmer.stemWord(w);
      });
    }
    return Scorer._titleWords[file].some(function (w) {
      return w === word || (prefix && word.length >= 4 && w.lastIndexOf(word, 0) === 0);
    });
  },
  _wholeTitle: function (file) { // is the page's whole title (less its stopwords) the query? "The space" for "space"
    var stemmer = new Stemmer(), query = Scorer._words();
    var words = splitQuery(Search._index.titles[file].toLowerCase()).filter(function (w) {
      return !stopwords.has(w);
    });
    return words.length > 0 && words.every(function (w) { return query.indexOf(stemmer.stemWord(w)) >= 0; });
  },
  _files: function (map, word) {
    var found = Object.prototype.hasOwnProperty.call(map, word) ? map[word] : [];
    return typeof found === "number" ? [found] : found;
  },
  _forms: {},
  _longer: function (map, word) { // {longer word: its pages} for the words of the index that start with word
    var key = (map === Search._index.titleterms ? "h:" : "t:") + word;
    if (!Scorer._forms[key]) {
      var forms = {};
      if (word.length >= 4) Object.keys(map).forEach(function (term) {
        if (term !== word && term.lastIndexOf(word, 0) === 0) forms[term] = Scorer._files(map, term);
      });
      Scorer._forms[key] = forms;
    }
    return Scorer._forms[key];
  },
  _idf: function (files, pages) { // 1 for a word on one page, 0 for a word on every page
    return files.length ? Math.log(pages / files.length) / Math.log(pages) : 0;
  },

  score: function (result) {
    var kind = result[6], score = result[4];
    var index = Search._index, file = index.docnames.indexOf(result[0]);
    if (kind === "title") { // the query is at least half a title: first when it is all of a page's title
      return score >= 16 ? 48 : score >= 15 ? 38 : score * 2.5;
    }
    if (kind === "index") return Math.min(score, 30); // a glossary entry: after the pages about it
    if (kind !== "text" || file < 0) return score;
    var pages = index.docnames.length, total = 0, found = false;
    Scorer._words().forEach(function (word) {
      var headings = Scorer._files(index.titleterms, word), text = Scorer._files(index.terms, word);
      var longerHeadings = Scorer._longer(index.titleterms, word), longerText = Scorer._longer(index.terms, word);
      var near = function (forms) {
        return [].concat.apply([], Object.keys(forms).map(function (form) { return forms[form]; }));
      };
      var nearHeadings = near(longerHeadings), nearText = near(longerText);
      var forms = [headings, text].concat(Object.keys(longerHeadings).map(function (f) { return longerHeadings[f]; }),
        Object.keys(longerText).map(function (f) { return longerText[f]; }))
        .filter(function (files) { return files.indexOf(file) >= 0; }).length;
      if (Scorer._inTitle(file, word, false)) total += 40;
      else if (Scorer._inTitle(file, word, true)) total += 36;
      else if (headings.indexOf(file) >= 0) total += 10 + 15 * Scorer._idf(headings, pages);
      else if (nearHeadings.indexOf(file) >= 0) total += 8 + 12 * Scorer._idf(nearHeadings, pages);
      else if (text.indexOf(file) >= 0) total += 5 + 5 * Scorer._idf(text, pages);
      else if (nearText.indexOf(file) >= 0) total += 4 + 4 * Scorer._idf(nearText, pages);
      else return;
      total += Math.min(3, 0.5 * forms);
      found = true;
    });
    if (found && Scorer._wholeTitle(file)) total += 10; // before the pages whose longer title has the word
    return found ? Math.round(total * 10) / 10 : score; // only other partial matches: Sphinx's score (2 to 7)
  }
};

Search.htmlToText = function (htmlString, anchor) {
  var page = new DOMParser().parseFromString(htmlString, "text/html");
  var leftOut = ".headerlink, script, style, svg, form, button, [hidden], .visually-hidden, .case-fact-box, " +
    ".glossary-tips, .tool-actions";
  page.querySelectorAll(leftOut).forEach(function (element) { element.remove(); });
  var blocks = "p, li, dt, dd, td, th, h1, h2, h3, h4, h5, h6, div, section, figcaption, caption, blockquote";
  page.querySelectorAll(blocks).forEach(function (element) { element.append(" "); });
  var main = page.querySelector('[role="main"]');
  var part = null;
  try { part = anchor && main ? main.querySelector(anchor) : null; } catch (e) { /* not a selector */ }
  return ((part || main || page.body).textContent || "").replace(/\s+/g, " ").trim();
};
