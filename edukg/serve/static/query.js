// The query page: runs the query against /sparql and shows the rows. No library, nothing from another host.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("query-form");
  const text = document.getElementById("query");
  const status = document.getElementById("status");
  const results = document.getElementById("results");
  const examples = JSON.parse(document.getElementById("examples").textContent);
  document.getElementById("example").addEventListener("change", (event) => {
    const chosen = examples.find((q) => q.name === event.target.value);
    if (chosen) text.value = chosen.text;
  });
  const cell = (term) => {
    const td = document.createElement("td");
    if (!term) return td;
    if (term.type === "uri") {
      const a = document.createElement("a");
      a.href = term.value;
      a.textContent = term.value;
      td.appendChild(a);
    } else {
      td.textContent = term.value; // textContent: a value is never read as markup
    }
    return td;
  };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    status.textContent = "running…";
    results.replaceChildren();
    const started = performance.now();
    const response = await fetch("/sparql", {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query",
                 "Accept": "application/sparql-results+json, text/turtle;q=0.9" },
      body: text.value,
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (!response.ok) {
      status.textContent = `${response.status}: ${await response.text()}`;
      return;
    }
    const type = response.headers.get("Content-Type") || "";
    if (!type.startsWith("application/sparql-results+json")) {
      const pre = document.createElement("pre");
      pre.textContent = await response.text();
      results.appendChild(pre);
      status.textContent = `${seconds} s`;
      return;
    }
    const data = await response.json();
    if ("boolean" in data) {
      status.textContent = `${data.boolean} (${seconds} s)`;
      return;
    }
    const table = document.createElement("table");
    const head = table.insertRow();
    for (const v of data.head.vars) {
      const th = document.createElement("th");
      th.textContent = v;
      head.appendChild(th);
    }
    for (const b of data.results.bindings) {
      const row = table.insertRow();
      for (const v of data.head.vars) row.appendChild(cell(b[v]));
    }
    results.appendChild(table);
    status.textContent = `${data.results.bindings.length} rows, ${seconds} s`;
  });
});
