/**
 * The dashboard's HTML: the layout and its styles. Everything it loads comes from this gateway
 * (`/dashboard/app.js`); it references no external host.
 */
export const DASHBOARD_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Live dashboard · GHL GraphQL gateway</title>
<style>
  :root { --bg:#f5f6fa; --card:#fff; --ink:#1d2433; --muted:#6b7385; --line:#e5e8ef; --accent:#3657e8; --good:#17894b; --warn:#c2410c; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  * { box-sizing: border-box; }
  body { margin:0; background:var(--bg); color:var(--ink); font-size:14px; }
  header { display:flex; align-items:center; gap:24px; padding:14px 24px; background:var(--card); border-bottom:1px solid var(--line); position:sticky; top:0; }
  header h1 { font-size:18px; margin:0; }
  header .sub { color:var(--muted); font-size:12px; }
  #status { font-size:12px; padding:3px 10px; border-radius:99px; background:#eef0f5; color:var(--muted); }
  #status[data-status=live] { background:#e3f6ea; color:var(--good); }
  #status[data-status=live]::before { content:"● "; }
  #budget { margin-left:auto; min-width:300px; font-size:12px; }
  .bar { height:6px; background:#eef0f5; border-radius:3px; overflow:hidden; margin-top:4px; }
  .bar span { display:block; height:100%; background:var(--accent); transition:width .4s; }
  .bar span.hot { background:var(--warn); }
  button { font:inherit; border:1px solid var(--accent); color:var(--accent); background:#fff; border-radius:6px; padding:6px 12px; cursor:pointer; }
  button[data-running=true] { background:var(--accent); color:#fff; }
  main { display:grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap:16px; padding:20px 24px; }
  section { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:14px 16px; min-height:200px; }
  section h2 { font-size:14px; margin:0 0 10px; display:flex; justify-content:space-between; align-items:baseline; }
  section h2 small { color:var(--muted); font-weight:normal; }
  section h3 { font-size:13px; margin:10px 0 6px; color:var(--muted); }
  ul, ol { list-style:none; margin:0; padding:0; }
  li { display:flex; justify-content:space-between; align-items:center; gap:10px; padding:7px 0; border-top:1px solid var(--line); }
  li:first-child { border-top:none; }
  li.fresh { animation: flash 2s ease-out; }
  @keyframes flash { from { background:#fff6d6; } to { background:transparent; } }
  li.empty { color:var(--muted); justify-content:center; padding:24px 0; }
  .muted { color:var(--muted); } .small { font-size:12px; } .right { text-align:right; } .grow { flex:1; }
  .when { width:56px; font-weight:600; }
  #log li { justify-content:flex-start; }
  .badge { display:inline-block; font-size:11px; padding:1px 7px; border-radius:99px; background:#eef0f5; color:var(--muted); margin-left:4px; }
  .badge.created { background:#e3f6ea; color:var(--good); } .badge.updated { background:#e8edff; color:var(--accent); }
  .badge.overdue { background:#fdeaea; color:#b42318; } .badge.today { background:#fff3e0; color:var(--warn); }
  .badge.source { background:transparent; border:1px solid var(--line); }
  li.late strong { color:#b42318; }
  .stages li { display:grid; grid-template-columns: 130px 1fr 120px; }
  .stage-bar { height:8px; background:#eef0f5; border-radius:4px; overflow:hidden; }
  .stage-bar span { display:block; height:100%; background:var(--accent); transition:width .4s; }
  .stage-figures { text-align:right; font-size:12px; }
  form { display:flex; gap:6px; margin-bottom:10px; }
  input { font:inherit; border:1px solid var(--line); border-radius:6px; padding:6px 8px; flex:1; min-width:0; }
  #error, #quick-add-errors { color:#b42318; }
</style>
</head>
<body>
<header>
  <div><h1 id="location">Location</h1><div class="sub">Live dashboard · GHL GraphQL gateway</div></div>
  <span id="status" data-status="connecting">Connecting…</span>
  <button id="activity" type="button" hidden>Start simulator activity</button>
  <div id="budget"></div>
</header>
<p id="error"></p>
<main>
  <section><h2>Contacts <small id="contacts-count"></small></h2>
    <form id="quick-add" autocomplete="off"><input name="firstName" placeholder="First name"><input name="email" type="email" placeholder="Email"><button>Add</button></form>
    <div id="quick-add-errors"></div>
    <ul id="contacts" data-testid="contacts"></ul></section>
  <section><h2>Tasks due <small id="tasks-count"></small></h2><ul id="tasks" data-testid="tasks"></ul></section>
  <section><h2>Today's appointments <small id="appointments-count"></small></h2><ul id="appointments" data-testid="appointments"></ul></section>
  <section><h2>Pipeline <small>open opportunities by stage</small></h2><div id="pipeline" data-testid="pipeline"></div></section>
  <section><h2>Live changes <small>mutation · webhook · poll</small></h2><ul id="log" data-testid="log"></ul></section>
</main>
<script type="module" src="/dashboard/app.js"></script>
</body>
</html>
`;
