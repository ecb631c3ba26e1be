// amk · the room in a browser: follows the console live (Server-Sent Events, reconnecting by
// itself) and ticks the countdown from the time it was sent, so nothing travels while the
// time runs. Every text arrives escaped by the server; this only puts it in its place.
"use strict";
(() => {
  const key = new URLSearchParams(location.search).get("k");
  const query = key ? "?k=" + encodeURIComponent(key) : "";
  const $ = (id) => document.getElementById(id);
  let timer = null;
  let since = 0;
  let version = -1;

  function clockText(seconds) {
    // as amk's format_clock: rounds up while counting down, +MM:SS in overtime
    let whole, sign = "";
    if (seconds < 0) { whole = Math.floor(-seconds); sign = "+"; }
    else { whole = Math.floor(seconds) + (seconds % 1 > 1e-9 ? 1 : 0); }
    const m = Math.floor(whole / 60), s = whole % 60;
    return sign + String(m).padStart(2, "0") + ":" + String(s).padStart(2, "0");
  }

  function tick() {
    const clocks = document.querySelectorAll("[data-clock]");
    if (timer === null) { clocks.forEach((c) => { c.textContent = ""; }); return; }
    const passed = timer.running ? (performance.now() - since) / 1000 : 0;
    const left = timer.remaining - passed;
    const level = left <= 0 ? "over" : left <= timer.warn ? "warn" : "";
    const text = clockText(left);
    clocks.forEach((c) => {
      if (c.textContent !== text) c.textContent = text;
      c.classList.toggle("warn", level === "warn");
      c.classList.toggle("over", level === "over");
      c.classList.toggle("paused", !timer.running);
    });
  }

  function fit() {
    // the window's size decides the type; should a long slide not fit, shrink it a little
    const root = document.documentElement, main = $("main");
    let scale = 1;
    root.style.setProperty("--fit", "1");
    while (main.scrollHeight > main.clientHeight + 1 && scale > 0.8) {
      scale -= 0.05;
      root.style.setProperty("--fit", scale.toFixed(2));
    }
  }

  function apply(p) {
    if (p.v === version) return;
    version = p.v;
    document.documentElement.lang = p.lang;
    $("title").textContent = p.title;
    $("subtitle").textContent = p.subtitle;
    $("main").innerHTML = p.html;
    $("notice").textContent = p.notice;
    const idle = p.kind === "waiting" || p.kind === "start";
    document.body.className = "kind-" + p.kind + (p.blank ? " blank" : "") +
      (idle ? " idle" : "") + (p.timer ? "" : " no-timer");
    timer = p.timer;
    since = performance.now();
    tick();
    fit();
  }

  function theme(name) {
    document.documentElement.dataset.theme = name;
    try { localStorage.setItem("amk-theme", name); } catch (e) { /* private window */ }
  }

  const first = $("first");
  if (first) apply(JSON.parse(first.textContent));
  try { const saved = localStorage.getItem("amk-theme"); if (saved) theme(saved); } catch (e) { /* */ }
  document.addEventListener("keydown", (e) => {
    if (e.key === "t") theme(document.documentElement.dataset.theme === "light" ? "dark" : "light");
  });
  window.addEventListener("resize", fit);
  setInterval(tick, 250);
  const events = new EventSource("/events" + query);
  events.onmessage = (e) => apply(JSON.parse(e.data));
})();
