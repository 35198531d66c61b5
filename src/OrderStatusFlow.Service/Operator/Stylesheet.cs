namespace OrderStatusFlow.Service.Operator;

/// <summary>The console's one stylesheet, served from <c>/console.css</c> (the security policy allows no inline style).</summary>
static class Stylesheet
{
    public const string Css = """
        :root { --ok: #1b7f3b; --warn: #a36200; --bad: #b3261e; --line: #d9dde3; --muted: #5f6b7a; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d232b; background: #f6f7f9; }
        header { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem; padding: .6rem 1.2rem; background: #1f2a37; color: #fff; }
        header h1 { font-size: 1.05rem; margin: 0 1rem 0 0; font-weight: 600; }
        nav a { color: #cfd8e3; text-decoration: none; margin-right: .9rem; padding: .2rem 0; }
        nav a.current { color: #fff; border-bottom: 2px solid #7fb3ff; }
        .who { margin-left: auto; } .who a { color: #cfd8e3; } .readonly { color: #cfd8e3; font-size: .9em; }
        .who form { display: inline; }
        .status { padding: .7rem 1.2rem; background: #fff; border-bottom: 1px solid var(--line); }
        .status dl { display: flex; flex-wrap: wrap; gap: .6rem 2rem; margin: 0; }
        .status dt { font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
        .status dd { margin: 0; } .status dd span { color: var(--muted); }
        .status .ok strong { color: var(--ok); } .status .warn strong { color: var(--warn); } .status .bad strong { color: var(--bad); }
        .stale { margin: .6rem 0 0; padding: .4rem .7rem; background: #fdecea; color: var(--bad); border-radius: 4px; font-weight: 600; }
        main { padding: .8rem 1.2rem 2rem; }
        h2 { font-size: 1.15rem; margin: .3rem 0 .6rem; } h3 { font-size: 1rem; }
        table.list, table.state { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); }
        table.state { width: auto; margin-bottom: 1rem; } caption { text-align: left; font-weight: 600; padding: .3rem 0; }
        th, td { text-align: left; padding: .3rem .55rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: #eef1f5; font-weight: 600; white-space: nowrap; }
        td { max-width: 38rem; overflow-wrap: anywhere; }
        .filters, .hint, .empty { color: var(--muted); } .error { color: var(--bad); }
        form.filter, form.signin { display: flex; gap: .6rem; align-items: end; margin-bottom: .6rem; flex-wrap: wrap; }
        form.signin { flex-direction: column; align-items: start; }
        input { font: inherit; padding: .25rem .4rem; border: 1px solid #b8c0cc; border-radius: 3px; min-width: 16rem; }
        button { font: inherit; padding: .25rem .8rem; border: 1px solid #2f5fa7; background: #2f6fd0; color: #fff; border-radius: 3px; cursor: pointer; }
        .toolbar { display: flex; gap: .5rem; margin: .4rem 0 .7rem; } form.action { display: inline; }
        .more, .export { margin: .6rem 0; }
        """;
}
