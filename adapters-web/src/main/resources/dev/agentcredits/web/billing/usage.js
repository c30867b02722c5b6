// The usage chart: credits charged per UTC day, as a Chart.js bar chart (from the webjar) with
// the same numbers in a table for screen readers and for anyone who wants them exact.

const DAY_MS = 86_400_000;

/** Every day from `from` to `to` (ISO dates), the missing ones at zero. */
function days(usage) {
  const byDate = new Map(usage.days.map((d) => [d.date, d]));
  const dates = usage.days.map((d) => d.date).sort();
  const first = Date.parse(`${(usage.from ?? dates[0] ?? "").slice(0, 10)}T00:00:00Z`);
  const last = Date.parse(`${(usage.to ?? dates.at(-1) ?? "").slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(first) || Number.isNaN(last) || last < first || (last - first) / DAY_MS > 366) {
    return usage.days;
  }
  const all = [];
  for (let t = first; t <= last; t += DAY_MS) {
    const date = new Date(t).toISOString().slice(0, 10);
    all.push(byDate.get(date) ?? { date, credits_charged: 0, runs: 0 });
  }
  return all;
}

export function usageChart(usage, fmt) {
  const series = days(usage);
  const total = series.reduce((sum, d) => sum + d.credits_charged, 0);
  const wrapper = document.createElement("div");
  const summary = document.createElement("p");
  summary.id = "usage-total";
  summary.textContent = `${fmt.credits(total)} charged from ${fmt.shortDay(series[0]?.date ?? usage.from)} to ${fmt.shortDay(series.at(-1)?.date ?? usage.to)}.`;
  wrapper.append(summary);

  if (globalThis.Chart) {
    const box = document.createElement("div");
    box.className = "chart";
    const canvas = document.createElement("canvas");
    canvas.id = "usage-chart";
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", `Bar chart of credits charged per day: ${summary.textContent}`);
    box.append(canvas);
    wrapper.append(box);
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: series.map((d) => fmt.shortDay(d.date)),
        datasets: [{ label: "Credits charged", data: series.map((d) => d.credits_charged), backgroundColor: "#2f5fd0" }],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (item) => `${fmt.credits(item.raw)} (${fmt.count(series[item.dataIndex].runs)} runs)` } },
        },
        scales: {
          x: { title: { display: true, text: "Day (UTC)" }, ticks: { autoSkip: true, maxRotation: 0 } },
          y: { beginAtZero: true, title: { display: true, text: "Credits charged" }, ticks: { precision: 0, callback: (v) => fmt.count(v) } },
        },
      },
    });
  }

  const details = document.createElement("details");
  const label = document.createElement("summary");
  label.textContent = "Show the numbers";
  details.append(label);
  const table = document.createElement("table");
  table.id = "usage-table";
  table.innerHTML = "<caption>Credits charged per day</caption><thead><tr><th scope=\"col\">Day (UTC)</th><th scope=\"col\">Credits charged</th><th scope=\"col\">Runs</th></tr></thead>";
  const body = document.createElement("tbody");
  for (const d of series) {
    const row = body.insertRow();
    row.dataset.date = d.date;
    row.insertCell().textContent = fmt.date(`${d.date}T00:00:00Z`);
    row.insertCell().textContent = fmt.count(d.credits_charged);
    row.insertCell().textContent = fmt.count(d.runs);
  }
  table.append(body);
  const scroll = document.createElement("div");
  scroll.className = "scroll";
  scroll.append(table);
  details.append(scroll);
  wrapper.append(details);
  return wrapper;
}
