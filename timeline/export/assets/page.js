(function () {
  "use strict";
  var ROW_LIMIT = 150;      // beyond this many entries the chart counts entries by month or year
  var PAGE_SIZE = 100;      // entries listed at a time
  var DAY = 86400000;
  var COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"];
  var ERA_COLOURS = ["#f4d03f", "#85c1e9", "#f1948a", "#82e0aa", "#d7bde2", "#f8c471", "#aed6f1", "#a3e4d7"];
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var IRREGULAR = { entry: "entries" };

  function plural(count, word) { return count === 1 ? word : (IRREGULAR[word] || word + "s"); }
  function counted(count, word) { return count.toLocaleString("en") + " " + plural(count, word); }
  function byId(id) { return document.getElementById(id); }
  function make(tag, className, text) {
    var element = document.createElement(tag);
    if (className) { element.className = className; }
    if (text !== undefined && text !== null) { element.textContent = text; }
    return element;
  }
  function webLink(url) { return typeof url === "string" && /^https?:\/\/[^\/\\\s]/i.test(url) ? url : null; }
  function dayOf(text) { return text ? Math.floor(Date.parse(text + "T00:00:00Z") / DAY) : null; }
  function dateOf(day) { return new Date(day * DAY); }
  function monthIndex(day) { var d = dateOf(day); return d.getUTCFullYear() * 12 + d.getUTCMonth(); }
  function dayOfMonth(index) { return Math.floor(Date.UTC(Math.floor(index / 12), index % 12, 1) / DAY); }

  function readData() {
    var text = byId("timeline-data").textContent;
    var encoding = byId("timeline-encoding").textContent.trim();
    if (encoding !== "gzip-base64") { return Promise.resolve(JSON.parse(text)); }
    var binary = atob(text.replace(/\s+/g, ""));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) { bytes[i] = binary.charCodeAt(i); }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }

  function entriesOf(data) {
    var tables = data.tables;
    return data.entries.map(function (row, index) {
      var reports = row[8].map(function (report) {
        return {
          source: tables.sources[report[0]], link: report[1] >= 0 ? tables.links[report[1]] : null,
          title: report[2] >= 0 ? tables.titles[report[2]] : null, published: report[3], document: report[4],
          start: report[5], end: report[6], url: report[7] >= 0 ? tables.texts[report[7]] : null
        };
      });
      var actors = row[6].map(function (number) { return tables.actors[number]; });
      var entry = {
        index: index, id: row[0], label: tables.labels[row[1]], first: row[2], after: row[3],
        category: tables.categories[row[4]], text: row[5], actors: actors, figures: row[7], reports: reports,
        stated: row[9] === 1, merged: row[10]
      };
      entry.sources = unique(reports.map(function (report) { return report.source; }));
      entry.haystack = [entry.label, entry.text, entry.category, actors.join(" "), entry.figures.join(" "),
        reports.map(function (report) { return [report.source, report.title || "", report.link || report.url || ""].join(" "); }).join(" ")
      ].join(" ").toLowerCase();
      return entry;
    });
  }

  function unique(items) {
    var seen = {}, kept = [];
    items.forEach(function (item) { if (!seen[item]) { seen[item] = true; kept.push(item); } });
    return kept;
  }

  function start(data) {
    var entries = entriesOf(data);
    var categories = data.tables.categories;
    var colour = {};
    categories.forEach(function (name, index) { colour[name] = COLOURS[index % COLOURS.length]; });
    var state = { shown: entries, page: 0 };
    var controls = {
      text: byId("filter-text"), category: byId("filter-category"), actor: byId("filter-actor"),
      source: byId("filter-source"), from: byId("filter-from"), to: byId("filter-to")
    };
    fillControls(data, controls, entries);
    fillLegend(categories, colour);
    summarise(entries);

    function apply(keepPage) {
      var words = controls.text.value.toLowerCase().split(/\s+/).filter(Boolean);
      var category = controls.category.value;
      var actor = controls.actor.value.trim().toLowerCase();
      var source = controls.source.value.trim().toLowerCase();
      var from = dayOf(controls.from.value), to = dayOf(controls.to.value);
      state.shown = entries.filter(function (entry) {
        if (category && entry.category !== category) { return false; }
        if (from !== null && entry.after <= from) { return false; }
        if (to !== null && entry.first > to) { return false; }
        if (actor && !entry.actors.some(function (name) { return name.toLowerCase().indexOf(actor) !== -1; })) { return false; }
        if (source && !entry.reports.some(function (report) {
          return (report.source + " " + (report.title || "") + " " + (report.link || report.url || "")).toLowerCase().indexOf(source) !== -1;
        })) { return false; }
        return words.every(function (word) { return entry.haystack.indexOf(word) !== -1; });
      });
      if (!keepPage) { state.page = 0; }
      byId("shown").textContent = state.shown.length === entries.length
        ? "Showing all " + counted(entries.length, "entry") + "."
        : "Showing " + counted(state.shown.length, "entry") + " of " + entries.length.toLocaleString("en") + ".";
      drawChart(state.shown, data.eras || [], colour, function (first, after) {
        controls.from.value = dateOf(first).toISOString().slice(0, 10);
        controls.to.value = dateOf(after - 1).toISOString().slice(0, 10);
        apply(false);
      });
      listPage();
    }

    function listPage() {
      var pages = Math.max(1, Math.ceil(state.shown.length / PAGE_SIZE));
      state.page = Math.min(state.page, pages - 1);
      var list = byId("entries");
      list.textContent = "";
      var slice = state.shown.slice(state.page * PAGE_SIZE, (state.page + 1) * PAGE_SIZE);
      var fragment = document.createDocumentFragment();
      slice.forEach(function (entry) { fragment.appendChild(listItem(entry, colour)); });
      list.appendChild(fragment);
      if (!slice.length) { list.appendChild(make("li", "empty", "No events match these filters.")); }
      ["pager-top", "pager-bottom"].forEach(function (id) { drawPager(byId(id), pages); });
    }

    function drawPager(pager, pages) {
      pager.textContent = "";
      if (pages <= 1) { return; }
      var previous = make("button", "", "← Previous");
      previous.type = "button";
      previous.disabled = state.page === 0;
      previous.addEventListener("click", function () { state.page -= 1; listPage(); byId("entries-heading").scrollIntoView(); });
      var next = make("button", "", "Next →");
      next.type = "button";
      next.disabled = state.page >= pages - 1;
      next.addEventListener("click", function () { state.page += 1; listPage(); byId("entries-heading").scrollIntoView(); });
      var first = state.page * PAGE_SIZE + 1, last = Math.min(state.shown.length, (state.page + 1) * PAGE_SIZE);
      pager.appendChild(previous);
      pager.appendChild(make("span", "", "Page " + (state.page + 1) + " of " + pages + " (" + first.toLocaleString("en") + "–" + last.toLocaleString("en") + ")"));
      pager.appendChild(next);
    }

    function goToAnchor() {
      var match = /^#e-(.+)$/.exec(decodeURIComponent(location.hash || ""));
      if (!match) { return; }
      var position = indexOfId(state.shown, match[1]);
      if (position < 0 && indexOfId(entries, match[1]) >= 0) {
        byId("filters").reset();
        apply(false);
        position = indexOfId(state.shown, match[1]);
      }
      if (position < 0) { return; }
      state.page = Math.floor(position / PAGE_SIZE);
      listPage();
      var item = byId("e-" + match[1]);
      if (item) {
        Array.prototype.forEach.call(document.querySelectorAll(".entries li.targeted"), function (other) { other.classList.remove("targeted"); });
        item.classList.add("targeted");
        item.scrollIntoView();
      }
    }

    Object.keys(controls).forEach(function (name) {
      controls[name].addEventListener(controls[name].tagName === "SELECT" || controls[name].type === "date" ? "change" : "input", function () { apply(false); });
    });
    byId("filters").addEventListener("reset", function () { setTimeout(function () { apply(false); }, 0); });
    window.addEventListener("hashchange", goToAnchor);
    var resized = null;
    window.addEventListener("resize", function () { clearTimeout(resized); resized = setTimeout(function () { apply(true); }, 150); });
    apply(false);
    goToAnchor();
  }

  function indexOfId(list, id) {
    for (var i = 0; i < list.length; i++) { if (list[i].id === id) { return i; } }
    return -1;
  }

  function fillControls(data, controls, entries) {
    data.tables.categories.slice().sort().forEach(function (name) {
      var option = make("option", "", name);
      option.value = name;
      controls.category.appendChild(option);
    });
    [["actor-names", data.tables.actors], ["source-names", data.tables.sources]].forEach(function (pair) {
      var list = byId(pair[0]);
      pair[1].slice().sort().forEach(function (name) { var option = make("option"); option.value = name; list.appendChild(option); });
    });
    if (entries.length) {
      var span = range(entries);
      [controls.from, controls.to].forEach(function (input) {
        input.min = dateOf(span.first).toISOString().slice(0, 10);
        input.max = dateOf(span.last - 1).toISOString().slice(0, 10);
      });
    }
  }

  function fillLegend(categories, colour) {
    var legend = byId("legend");
    categories.forEach(function (name) {
      var item = make("li");
      var swatch = make("span", "swatch");
      swatch.style.background = colour[name];
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(name));
      legend.appendChild(item);
    });
  }

  function summarise(entries) {
    var summary = byId("summary");
    if (summary.textContent.trim()) { return; }
    if (!entries.length) { summary.textContent = "No dated events."; return; }
    var sources = {}, count = 0;
    entries.forEach(function (entry) {
      entry.sources.forEach(function (name) { if (!sources[name]) { sources[name] = true; count += 1; } });
    });
    summary.textContent = counted(entries.length, "entry") + " from " + entries[0].label + " to " + entries[entries.length - 1].label +
      ", reported by " + counted(count, "source") + ".";
  }

  function range(entries) {
    var first = Infinity, last = -Infinity;
    entries.forEach(function (entry) { first = Math.min(first, entry.first); last = Math.max(last, entry.after); });
    var from = dayOfMonth(monthIndex(first)), to = dayOfMonth(monthIndex(last - 1) + 1);
    return { first: from, last: Math.max(to, from + 1) };
  }

  function drawChart(entries, eras, colour, zoom) {
    var chart = byId("chart");
    chart.textContent = "";
    if (!entries.length) { chart.appendChild(make("p", "note", "No dated events to draw.")); return; }
    var span = range(entries);
    var place = function (day) { return Math.max(0, Math.min(100, (day - span.first) / (span.last - span.first) * 100)); };
    chart.appendChild(axis(span, place, chart));
    var lanes = eraLanes(eras, span, place);
    if (lanes) { chart.appendChild(lanes); }
    if (entries.length <= ROW_LIMIT) {
      chart.appendChild(rows(entries, colour, place));
    } else {
      histogram(chart, entries, span, colour, zoom);
    }
    fitEraLabels(chart);
  }

  function axis(span, place, chart) {
    var element = make("div", "axis");
    var firstYear = dateOf(span.first).getUTCFullYear(), lastYear = dateOf(span.last - 1).getUTCFullYear();
    var width = Math.max(200, chart.clientWidth - 180);
    var years = lastYear - firstYear + 1;
    var step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].filter(function (s) { return width * s / years >= 48; })[0] || 1000;
    var months = monthIndex(span.last - 1) - monthIndex(span.first) + 1;
    if (years <= 2 && months <= 24 && width / months >= 30) {
      for (var m = monthIndex(span.first); m <= monthIndex(span.last - 1); m++) {
        tick(element, place(dayOfMonth(m)), MONTHS[m % 12] + (m % 12 === 0 || m === monthIndex(span.first) ? " " + Math.floor(m / 12) : ""));
      }
      return element;
    }
    for (var year = firstYear; year <= lastYear; year++) {
      if ((year - firstYear) % step) { continue; }
      var day = Math.max(span.first, Math.floor(Date.UTC(year, 0, 1) / DAY));
      tick(element, place(day), String(year));
    }
    return element;
  }

  function tick(element, left, text) {
    var mark = make("div", "tick" + (left > 92 ? " end" : ""));
    mark.style.left = left + "%";
    mark.appendChild(make("span", "", text));
    element.appendChild(mark);
  }

  function eraLanes(eras, span, place) {
    var visible = eras.filter(function (era) { return era[1] < span.last && (era[2] === null || era[2] > span.first); });
    if (!visible.length) { return null; }
    var container = make("div", "era-lanes");
    var laneEnds = [], lanes = [];
    visible.forEach(function (era, index) {
      var left = place(era[1]), right = place(era[2] === null ? span.last : era[2]);
      var lane = laneEnds.findIndex(function (end) { return left >= end; });
      if (lane < 0) { lane = laneEnds.length; laneEnds.push(0); lanes.push(make("div", "era-lane")); container.appendChild(lanes[lane]); }
      laneEnds[lane] = right + 0.5;
      var band = make("div", "era", era[0]);
      band.style.left = left + "%";
      band.style.width = Math.max(0.4, right - left) + "%";
      band.style.background = ERA_COLOURS[index % ERA_COLOURS.length];
      band.title = era[0] + ": " + era[3] + (era[4] ? " — " + era[4] : "");
      lanes[lane].appendChild(band);
    });
    return container;
  }

  function fitEraLabels(chart) {
    Array.prototype.forEach.call(chart.querySelectorAll(".era"), function (band) {
      if (band.scrollWidth > band.clientWidth + 1) {  // a label that does not fit its band is left to the tooltip
        band.setAttribute("aria-label", band.textContent);
        band.textContent = "";
        band.classList.add("unlabelled");
      }
    });
  }

  function rows(entries, colour, place) {
    var list = make("ol", "rows");
    entries.forEach(function (entry) {
      var row = make("li", "row");
      var link = make("a");
      link.href = "#e-" + entry.id;
      link.appendChild(make("span", "row-label", entry.label));
      var body = make("span", "row-body");
      var track = make("span", "track");
      track.style.display = "block";
      var bar = make("span", "bar" + (entry.after - entry.first <= 1 ? " day" : ""));
      var left = place(entry.first);
      bar.style.left = left + "%";
      if (entry.after - entry.first > 1) { bar.style.width = Math.max(0.3, place(entry.after) - left) + "%"; }
      bar.style.background = colour[entry.category];
      track.appendChild(bar);
      body.appendChild(track);
      var text = make("span", "row-text", (entry.sources.length > 1 ? "[" + counted(entry.sources.length, "source") + "] " : "") + entry.text);
      text.style.display = "block";
      body.appendChild(text);
      link.appendChild(body);
      row.title = entry.label + " — " + entry.sources.join("; ");
      row.appendChild(link);
      list.appendChild(row);
    });
    return list;
  }

  function histogram(chart, entries, span, colour, zoom) {
    var months = monthIndex(span.last - 1) - monthIndex(span.first) + 1;
    var byYear = months > 72;
    var firstBucket = byYear ? dateOf(span.first).getUTCFullYear() : monthIndex(span.first);
    var count = byYear ? dateOf(span.last - 1).getUTCFullYear() - firstBucket + 1 : months;
    var buckets = [];
    for (var i = 0; i < count; i++) { buckets.push({ total: 0, byCategory: {} }); }
    entries.forEach(function (entry) {
      var key = byYear ? dateOf(entry.first).getUTCFullYear() - firstBucket : monthIndex(entry.first) - firstBucket;
      var bucket = buckets[Math.max(0, Math.min(count - 1, key))];
      bucket.total += 1;
      bucket.byCategory[entry.category] = (bucket.byCategory[entry.category] || 0) + 1;
    });
    var most = buckets.reduce(function (top, bucket) { return Math.max(top, bucket.total); }, 1);
    var element = make("div", "histogram");
    buckets.forEach(function (bucket, index) {
      var column = make("button", "bucket");
      column.type = "button";
      var startDay = byYear ? Math.floor(Date.UTC(firstBucket + index, 0, 1) / DAY) : dayOfMonth(firstBucket + index);
      var endDay = byYear ? Math.floor(Date.UTC(firstBucket + index + 1, 0, 1) / DAY) : dayOfMonth(firstBucket + index + 1);
      var name = byYear ? String(firstBucket + index) : MONTHS[(firstBucket + index) % 12] + " " + Math.floor((firstBucket + index) / 12);
      column.title = name + ": " + counted(bucket.total, "entry") + " starting then (click to show them)";
      column.setAttribute("aria-label", column.title);
      Object.keys(bucket.byCategory).sort().forEach(function (category) {
        var part = make("span");
        part.style.height = (bucket.byCategory[category] / most * 100) + "%";
        part.style.background = colour[category];
        column.appendChild(part);
      });
      column.addEventListener("click", function () { zoom(startDay, endDay); });
      element.appendChild(column);
    });
    chart.appendChild(element);
    chart.appendChild(make("p", "histogram-note", counted(entries.length, "entry") + " counted by the " + (byYear ? "year" : "month") +
      " they start in; narrow the filters to " + ROW_LIMIT + " or fewer to see each one."));
  }

  function listItem(entry, colour) {
    var item = make("li");
    item.id = "e-" + entry.id;
    item.appendChild(make("span", "date", entry.label));
    var category = make("span", "category", entry.category);
    category.style.borderColor = colour[entry.category];
    category.style.color = colour[entry.category];
    item.appendChild(category);
    var anchor = make("a", "anchor", "#");
    anchor.href = "#e-" + entry.id;
    anchor.title = "Link to this entry";
    item.appendChild(anchor);
    item.appendChild(make("p", "", entry.text));
    if (entry.figures.length) { item.appendChild(make("div", "figures", "Figures: " + entry.figures.join("; "))); }
    if (entry.actors.length) { item.appendChild(make("div", "actors", "Actors: " + entry.actors.join("; "))); }
    var sources = make("div", "sources", "Reported by " + counted(entry.reports.length, "article") +
      (entry.sources.length !== entry.reports.length ? " from " + counted(entry.sources.length, "source") : "") + ":");
    var reports = make("ul");
    entry.reports.forEach(function (report) {
      var line = make("li");
      var link = webLink(report.link);
      var name = link ? make("a", "", report.source) : make("span", "", report.source);
      if (link) { name.href = link; name.rel = "noopener noreferrer"; }
      line.appendChild(name);
      var details = [];
      if (report.title && report.title !== report.source) { details.push("“" + report.title + "”"); }
      if (report.published) { details.push(report.published); }
      if (report.document !== null && report.document !== undefined) { details.push("document " + report.document + ", characters " + report.start + "–" + report.end); }
      if (report.url) { details.push("url (not a web link): " + report.url); }
      if (details.length) { line.appendChild(document.createTextNode(", " + details.join(", "))); }
      reports.appendChild(line);
    });
    sources.appendChild(reports);
    item.appendChild(sources);
    return item;
  }

  readData().then(start, function (error) {
    byId("chart").appendChild(make("p", "note", "The page could not read its data: " + error));
  });
})();
