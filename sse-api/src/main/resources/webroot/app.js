// Live dashboard: one EventSource on /v1/live/metrics. EventSource reconnects by itself and sends
// the last id it saw as Last-Event-ID, so the server replays what was missed (or sends `gap`).
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var token = params.get("access_token") || "";
  var url = "v1/live/metrics" + (token ? "?access_token=" + encodeURIComponent(token) : "");
  var conn = document.getElementById("conn");
  var count = 0;
  var orchestrators = {}; // key -> latest message (highest window, then revision)
  var history = [[], [], []]; // time (s), events/s, output fps avg
  var network = {}; // window_start_ms -> latest network message
  var plot = null;
  var MAX_POINTS = 360;
  var ORCH_TTL_MS = 60000;

  function setConn(state, text) {
    conn.className = "conn " + state;
    conn.dataset.state = state;
    conn.textContent = text;
  }

  function fmt(v, digits) {
    if (v === null || v === undefined) return "–";
    return Number(v).toFixed(digits === undefined ? 1 : digits);
  }

  function newer(a, b) {
    if (!b) return true;
    if (a.window_start_ms !== b.window_start_ms) return a.window_start_ms > b.window_start_ms;
    return a.revision >= b.revision;
  }

  function text(id, v) { document.getElementById(id).textContent = v; }

  function showNetwork(m) {
    text("net-events", fmt(m.events.per_second));
    text("net-streams", m.streams.active);
    text("net-fps", fmt(m.output_fps.avg) + " / " + fmt(m.output_fps.p95));
    text("net-degraded", m.streams.degraded + " / " + m.streams.error);
    text("net-errors", m.errors + " / " + m.restarts);
    text("net-startup", fmt(m.startup_latency_ms.p95, 0));
    text("net-loss", fmt(m.ingest.packet_loss_pct.max, 2));
    text("window", new Date(m.window_start_ms).toLocaleTimeString() + " +" + (m.window_end_ms - m.window_start_ms) / 1000 + " s");
  }

  function chart() {
    var starts = Object.keys(network).map(Number).sort(function (a, b) { return a - b; }).slice(-MAX_POINTS);
    history = [[], [], []];
    starts.forEach(function (s) {
      var m = network[s];
      history[0].push(s / 1000);
      history[1].push(m.events.per_second);
      history[2].push(m.output_fps.avg);
    });
    if (!window.uPlot) return;
    if (!plot) {
      plot = new uPlot({
        width: Math.min(document.body.clientWidth - 40, 1100), height: 220,
        series: [{}, { label: "events/s", stroke: "#4fc3f7", width: 2 },
                 { label: "output FPS avg", stroke: "#aed581", width: 2, scale: "fps" }],
        axes: [{ stroke: "#9fb3c8" }, { stroke: "#9fb3c8" }, { side: 1, scale: "fps", stroke: "#9fb3c8" }]
      }, history, document.getElementById("chart"));
    } else {
      plot.setData(history);
    }
  }

  function showOrchestrators() {
    var body = document.getElementById("orchestrators");
    var now = Date.now();
    var keys = Object.keys(orchestrators).filter(function (k) {
      return now - orchestrators[k].window_end_ms < ORCH_TTL_MS;
    }).sort();
    if (keys.length === 0) return;
    body.innerHTML = "";
    keys.forEach(function (k) {
      var m = orchestrators[k];
      var tr = document.createElement("tr");
      tr.dataset.orchestrator = k;
      [k, m.streams.active, fmt(m.output_fps.avg), fmt(m.output_fps.min), m.streams.degraded,
       m.errors, new Date(m.window_start_ms).toLocaleTimeString()].forEach(function (v, i) {
        var td = document.createElement("td");
        if (i === 0) { var c = document.createElement("code"); c.textContent = v; td.appendChild(c); }
        else td.textContent = v;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  function onMetrics(e) {
    var m;
    try { m = JSON.parse(e.data); } catch (err) { return; }
    count++;
    text("count", count);
    text("last-id", e.lastEventId);
    if (m.scope === "network") {
      if (newer(m, network[m.window_start_ms])) network[m.window_start_ms] = m;
      var latest = Math.max.apply(null, Object.keys(network).map(Number));
      showNetwork(network[latest]);
      chart();
    } else if (m.scope === "orchestrator") {
      if (newer(m, orchestrators[m.key])) orchestrators[m.key] = m;
      showOrchestrators();
    }
  }

  function connect() {
    var es = new EventSource(url);
    es.onopen = function () { setConn("open", "live"); };
    es.onerror = function () {
      if (es.readyState === EventSource.CLOSED) {
        setConn("closed", "disconnected — retrying in 5 s");
        setTimeout(connect, 5000);
      } else {
        setConn("reconnecting", "reconnecting (resumes from " + (document.getElementById("last-id").textContent) + ")");
      }
    };
    es.addEventListener("metrics", onMetrics);
    es.addEventListener("gap", function (e) { setConn("open", "live (gap: " + JSON.parse(e.data).reason + ")"); });
    es.addEventListener("overflow", function () { setConn("reconnecting", "too slow — reconnecting"); });
  }

  if (!window.EventSource) { setConn("closed", "this browser has no EventSource"); return; }
  connect();
})();
