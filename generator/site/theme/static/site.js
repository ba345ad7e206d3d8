// The site's only script: the language switch's place, the report's print button, the scroll regions' Tab stops,
// the embed code's address and copy button, and the search page.
// Everything works without it.

// The language switch leads to the other language's page; here it also keeps the reader's place: the #anchor
// (the same ids in both languages) and, on the search page, the query. Worked out when the link is used, since
// the hash and the query change after the page loads (in-page links, the search box).
(function () {
  var link = document.querySelector("a.lang-switch");
  if (!link) { return; }
  var target = link.href.split("#")[0].split("?")[0];
  var keepsQuery = document.querySelector("[data-search]") !== null;
  function keepPlace() {
    link.href = target + (keepsQuery ? window.location.search : "") + window.location.hash;
  }
  ["mousedown", "focus", "click", "contextmenu"].forEach(function (name) { link.addEventListener(name, keepPlace); });
  window.addEventListener("hashchange", keepPlace);
  keepPlace();
})();

document.querySelectorAll("[data-print]").forEach(function (button) {
  button.addEventListener("click", function () { window.print(); });
});

// A table or chart region is a Tab stop so that a keyboard can scroll it; one whose content fits needs none, so it
// leaves the Tab order, and comes back when a narrower window makes it overflow. Without this script every region
// stays focusable, which is the safe side.
(function () {
  var regions = document.querySelectorAll(".scroll-region");
  if (!regions.length) { return; }
  function update() {
    regions.forEach(function (region) {
      if (region.scrollWidth > region.clientWidth + 1) { region.setAttribute("tabindex", "0"); }
      else if (region !== document.activeElement) { region.removeAttribute("tabindex"); }
    });
  }
  var pending = null;
  window.addEventListener("resize", function () {
    window.clearTimeout(pending);
    pending = window.setTimeout(update, 100);
  });
  window.addEventListener("load", update);  // after the fonts, which change the widths a little
  update();
})();

// "Embed this": where the site's address was not known at build, the code names the embed by its path in the
// site; served over http(s), the address the reader sees is the site's, so it goes in front. The copy button shows
// only here; without this script the code is text to select.
(function () {
  document.querySelectorAll("[data-embed-code]").forEach(function (box) {
    var path = box.getAttribute("data-embed-path");
    if (path && /^https?:$/.test(window.location.protocol)) {
      var address = new URL(box.getAttribute("data-embed-url"), window.location.href).href;
      box.value = box.value.replace('src="' + path + '"', 'src="' + address + '"');
      var hint = box.parentNode.querySelector("[data-embed-hint]");
      if (hint) { hint.hidden = true; }
    }
  });
  document.querySelectorAll("[data-embed-copy]").forEach(function (button) {
    var box = document.getElementById(button.getAttribute("data-embed-copy"));
    var status = button.parentNode.querySelector("[data-copied]");
    button.hidden = false;
    button.addEventListener("click", function () {
      box.focus();
      box.select();
      function done() { status.textContent = status.getAttribute("data-copied"); }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(box.value).then(done, function () { if (document.execCommand("copy")) { done(); } });
      } else if (document.execCommand("copy")) {
        done();
      }
    });
  });
})();

// Search: the page says it needs JavaScript until this runs; the index is Pagefind's, built with the site.
(function () {
  var form = document.querySelector("[data-search]");
  if (!form) { return; }
  var input = form.querySelector("input");
  var button = form.querySelector("button");
  var status = document.querySelector("[data-search-status]");
  var list = document.querySelector("[data-search-results]");
  var parameter = input.name;
  var MAX_RESULTS = 30;
  var pagefind = null;
  var latest = 0;

  function message(key, values) {
    var text = form.getAttribute("data-message-" + key) || "";
    Object.keys(values || {}).forEach(function (name) { text = text.split("{" + name + "}").join(values[name]); });
    return text;
  }

  function say(text) { status.textContent = text; }

  // Pagefind's excerpt is HTML with <mark> around the words found; keep only its text and those marks.
  function excerptNodes(html) {
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html").body;
    var nodes = [];
    (parsed.firstChild ? parsed.firstChild.childNodes : []).forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        nodes.push(mark);
      } else {
        nodes.push(document.createTextNode(node.textContent));
      }
    });
    return nodes;
  }

  // A page found only through a part of a compound (참여 inside 시민참여) has an excerpt without a mark, from
  // the top of the page: show instead the words around the first place its text holds the query, marked.
  function compoundExcerpt(content, query) {
    var words = content.split(/\s+/);
    var terms = query.split(/\s+/).filter(Boolean);
    var at = words.findIndex(function (word) { return terms.some(function (term) { return word.includes(term); }); });
    if (at < 0) { return null; }
    var start = Math.max(0, at - 8);
    var nodes = [];
    words.slice(start, start + 24).forEach(function (word, index) {
      if (index > 0) { nodes.push(document.createTextNode(" ")); }
      var term = terms.find(function (t) { return word.includes(t); });
      if (!term) { nodes.push(document.createTextNode(word)); return; }
      var from = word.indexOf(term);
      var mark = document.createElement("mark");
      mark.textContent = term;
      nodes.push(document.createTextNode(word.slice(0, from)), mark, document.createTextNode(word.slice(from + term.length)));
    });
    return nodes;
  }

  function resultItem(data, query) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    var heading = document.createElement("h2");
    heading.appendChild(link);
    var excerpt = document.createElement("p");
    var marked = (data.excerpt || "").includes("<mark>");
    var nodes = (!marked && compoundExcerpt(data.content || "", query)) || excerptNodes(data.excerpt || "");
    nodes.forEach(function (node) { excerpt.appendChild(node); });
    if (data.meta && data.meta.context) {
      var context = document.createElement("p");
      context.className = "search-context";
      context.textContent = data.meta.context;
      item.appendChild(context);
    }
    item.appendChild(heading);
    item.appendChild(excerpt);
    return item;
  }

  // Only the first results are loaded at once (each needs its own small file); a button loads the next ones
  // and moves the focus to the first of them, so a keyboard or screen reader user goes on from there.
  var more = document.createElement("button");
  more.type = "button";
  more.className = "search-more";
  more.hidden = true;
  list.parentNode.appendChild(more);

  function offerMore(results, shownCount, mine, query) {
    var left = results.length - shownCount;
    more.hidden = left <= 0;
    if (left <= 0) { more.onclick = null; return; }
    more.textContent = message("more", { count: Math.min(left, MAX_RESULTS).toLocaleString(document.documentElement.lang) });
    more.onclick = async function () {
      var next = await Promise.all(results.slice(shownCount, shownCount + MAX_RESULTS).map(function (r) { return r.data(); }));
      if (mine !== latest) { return; }
      var items = next.map(function (data) { return resultItem(data, query); });
      items.forEach(function (item) { list.appendChild(item); });
      offerMore(results, shownCount + next.length, mine, query);
      if (items.length) { items[0].querySelector("a").focus(); }
    };
  }

  async function run(query) {
    var mine = ++latest;
    if (!query) { list.replaceChildren(); more.hidden = true; say(message("hint")); return; }
    say(message("loading"));
    var found = await pagefind.search(query);
    var shown = await Promise.all(found.results.slice(0, MAX_RESULTS).map(function (r) { return r.data(); }));
    if (mine !== latest) { return; }  // a newer query was asked meanwhile: its results replace these
    list.replaceChildren.apply(list, shown.map(function (data) { return resultItem(data, query); }));
    offerMore(found.results, shown.length, mine, query);
    var count = found.results.length;
    say(count === 0 ? message("none", { query: query })
      : message(count === 1 ? "one" : "many", { query: query, count: count.toLocaleString(document.documentElement.lang) }));
  }

  function remember(query) {
    var address = new URL(window.location.href);
    if (query) { address.searchParams.set(parameter, query); } else { address.searchParams.delete(parameter); }
    window.history.replaceState(null, "", address);
  }

  if (window.location.protocol === "file:") { say(message("file")); return; }
  var indexAddress = new URL(form.getAttribute("data-index"), window.location.href).href;
  import(indexAddress).then(async function (module) {
    pagefind = module;
    // Results link under the folder the site is published in, whatever the host's sub-path.
    var root = new URL(form.getAttribute("data-root"), window.location.href).pathname.replace(/index\.html$/, "");
    // The parts of Korean compounds (metadata "terms", generator/site/searchterms.py) find a page, but count for
    // little: a page whose own words match ranks first.
    await pagefind.options({ baseUrl: root, excerptLength: 24, ranking: { metaWeights: { terms: 0.01 } } });
    await pagefind.init();
    input.disabled = false;
    button.disabled = false;
    var timer = null;
    var asked = null;
    function ask() {
      window.clearTimeout(timer);
      var query = input.value.trim();
      if (query === asked) { return; }
      asked = query;
      remember(query);
      run(query);
    }
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, 250);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); ask(); });
    input.value = new URL(window.location.href).searchParams.get(parameter) || "";
    ask();
  }).catch(function () { say(message("failed")); });
})();
