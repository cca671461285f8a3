/// The stylesheet: GOV.UK Design System conventions (type scale, focus state, tags, summary lists,
/// error summary), written for Convene. Colour is never the only signal: tags always carry text.
enum Stylesheet {
    static let css = """
        :root { --text: #0b0c0c; --secondary: #505a5f; --link: #1d70b8; --visited: #4c2c92; --focus: #ffdd00;
                --border: #b1b4b6; --error: #d4351c; --success: #00703c; --brand: #1d70b8; --light: #f3f2f1; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: Arial, Helvetica, sans-serif; font-size: 19px; line-height: 1.32; color: var(--text); background: #fff; }
        a { color: var(--link); text-underline-offset: 0.1em; }
        a:visited { color: var(--visited); }
        a:hover { text-decoration-thickness: 3px; }
        a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus {
          outline: 3px solid transparent; background-color: var(--focus); box-shadow: 0 -2px var(--focus), 0 4px var(--text); color: var(--text); text-decoration: none; }
        input:focus, select:focus, textarea:focus { background: #fff; box-shadow: inset 0 0 0 2px; outline: 3px solid var(--focus); outline-offset: 0; }
        .skip-link { position: absolute; left: -9999px; }
        .skip-link:focus { position: static; display: block; padding: 10px 15px; }
        svg a:focus { outline: 3px solid var(--text); }
        svg a:focus polygon, svg a:focus ellipse, svg a:focus path { fill: var(--focus); stroke: var(--text); stroke-width: 3px; }
        .account-nav { order: 3; margin-left: auto; font-size: 16px; }
        .width-container { max-width: 1100px; margin: 0 15px; }
        @media (min-width: 1130px) { .width-container { margin: 0 auto; } }
        .site-header { background: var(--text); color: #fff; border-bottom: 10px solid var(--brand); }
        .header-inner { display: flex; flex-wrap: wrap; align-items: baseline; gap: 10px 30px; padding: 12px 0; }
        .site-name { color: #fff !important; font-weight: 700; font-size: 30px; text-decoration: none; }
        .site-nav { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 5px 20px; }
        .site-nav a { color: #fff; font-weight: 700; font-size: 16px; }
        .header-inner form { order: 3; margin-left: auto; font-size: 16px; }
        .signed-in { margin-right: 10px; color: #fff !important; }
        .link-button { background: none; border: 0; padding: 0; color: var(--link); font: inherit; font-weight: 700; text-decoration: underline; cursor: pointer; }
        .site-header .link-button { color: #fff; }
        .link-button:focus { color: var(--text); }
        .site-nav a:focus { color: var(--text); }
        .site-footer { margin-top: 50px; padding: 25px 0; border-top: 1px solid var(--border); background: var(--light); font-size: 16px; }
        main { padding: 20px 0 40px; display: block; }
        .phase-banner { padding: 10px 0; border-bottom: 1px solid var(--border); font-size: 16px; }
        .phase-banner p { margin: 0; }
        .breadcrumbs ol { list-style: none; padding: 0; margin: 15px 0 0; display: flex; flex-wrap: wrap; font-size: 16px; }
        .breadcrumbs li + li::before { content: "›"; margin: 0 8px; color: var(--secondary); }
        .heading-xl { font-size: 48px; line-height: 1.04; margin: 0 0 30px; }
        h2, .heading-l { font-size: 27px; margin: 40px 0 15px; }
        h3, .heading-m { font-size: 22px; margin: 25px 0 10px; }
        .caption-l { display: block; color: var(--secondary); font-size: 24px; margin-bottom: 5px; }
        .body-s, .secondary-text { color: var(--secondary); }
        .body-s { font-size: 16px; }
        .lead { font-size: 24px; }
        .file-upload { font: inherit; padding: 5px 0; }
        .tag { display: inline-block; padding: 2px 8px 1px; font-weight: 700; font-size: 16px; letter-spacing: 0.02em; text-transform: none; }
        .tag--grey { background: #eeefef; color: #383f43; }
        .tag--blue { background: #d2e2f1; color: #0c2d4a; }
        .tag--green { background: #cce2d8; color: #005a30; }
        .tag--red { background: #f4cdc6; color: #2a0b06; }
        .tag--yellow { background: #fff7bf; color: #594d00; }
        .tag--purple { background: #dbd5e9; color: #3d2375; }
        .summary-list { margin: 0 0 30px; }
        .summary-list__row { display: flex; flex-wrap: wrap; border-bottom: 1px solid var(--border); padding: 10px 0; }
        .summary-list__key { font-weight: 700; width: 30%; min-width: 200px; margin: 0; padding-right: 20px; }
        .summary-list__value { margin: 0; flex: 1; }
        .table { width: 100%; border-collapse: collapse; margin-bottom: 30px; font-size: 16px; }
        .table-scroll { overflow-x: auto; max-width: 100%; margin-bottom: 30px; }
        .table-scroll:focus { outline: 3px solid #ffdd00; box-shadow: 0 0 0 6px #0b0c0c; }
        .table__caption { text-align: left; font-weight: 700; font-size: 24px; margin-bottom: 10px; }
        .table th, .table td { text-align: left; border-bottom: 1px solid var(--border); padding: 10px 20px 10px 0; vertical-align: top; }
        .table th { font-weight: 700; }
        .table td.numeric, .table th.numeric { text-align: right; }
        .table--small { font-size: 14px; }
        .table--small th, .table--small td { padding: 6px 10px 6px 0; }
        .table--small th[scope="row"] { min-width: 16em; font-weight: 400; }
        .visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .grid { display: flex; flex-wrap: wrap; gap: 30px; }
        .grid > * { flex: 1 1 300px; }
        .card { border-top: 5px solid var(--brand); background: var(--light); padding: 15px 20px; }
        .card .count { font-size: 48px; font-weight: 700; display: block; }
        .button { display: inline-block; background: #00703c; color: #fff !important; border: 2px solid transparent; box-shadow: 0 2px 0 #002d18;
                  font-size: 19px; padding: 8px 10px 7px; font-weight: 400; text-decoration: none; cursor: pointer; margin: 0 15px 20px 0; }
        .button--secondary { background: var(--light); color: var(--text) !important; box-shadow: 0 2px 0 #858686; }
        .button:focus { background: var(--focus); color: var(--text) !important; box-shadow: 0 2px 0 var(--text); }
        .form-group { margin-bottom: 30px; }
        .form-group--error { border-left: 5px solid var(--error); padding-left: 15px; }
        .label { display: block; font-weight: 700; margin-bottom: 5px; }
        .hint { display: block; color: var(--secondary); margin-bottom: 10px; }
        .error-message { display: block; color: var(--error); font-weight: 700; margin-bottom: 10px; }
        .input, .select, .textarea { font: inherit; border: 2px solid var(--text); padding: 5px; max-width: 100%; }
        .input { width: 100%; max-width: 30em; height: 40px; }
        .input--short { max-width: 10em; }
        .textarea { width: 100%; max-width: 40em; }
        .input--error { border-color: var(--error); }
        .select[multiple] { min-height: 12em; width: 100%; max-width: 40em; }
        .checkboxes { list-style: none; padding: 0; margin: 0; }
        .checkboxes li { margin-bottom: 8px; }
        .checkboxes input { width: 24px; height: 24px; vertical-align: middle; margin-right: 8px; }
        .error-summary { border: 5px solid var(--error); padding: 15px 20px; margin-bottom: 30px; }
        .error-summary h2 { margin-top: 0; }
        .error-summary a { color: var(--error); font-weight: 700; }
        .filters { background: var(--light); padding: 15px 20px; margin-bottom: 30px; display: flex; flex-wrap: wrap; gap: 0 20px; align-items: flex-end; }
        .filters .form-group { margin-bottom: 15px; }
        .filters .button--secondary { background: #fff; }
        fieldset { border: 0; padding: 0; margin: 0; min-width: 0; }
        .fieldset { border-left: 5px solid var(--border); padding-left: 15px; margin-bottom: 30px; }
        .fieldset__legend { font-weight: 700; font-size: 24px; margin-bottom: 15px; }
        .inset { border-left: 10px solid var(--border); padding: 15px; margin: 20px 0; }
        .tree, .tree ul { list-style: none; padding-left: 20px; }
        .tree li { margin: 5px 0; border-left: 1px solid var(--border); padding-left: 10px; }
        .picture { overflow-x: auto; }
        .picture svg { max-width: 100%; height: auto; }
        .pagination { margin: 20px 0; }
        .panel { border: 5px solid #00703c; padding: 15px 20px; margin-bottom: 30px; }
        .panel h2, .panel h1 { margin-top: 0; }
        .inline-list { list-style: none; padding: 0; margin: 0 0 20px; display: flex; flex-wrap: wrap; gap: 5px 25px; font-size: 19px; }
        .chart-figure { margin: 0 0 20px; overflow-x: auto; }
        .chart { max-width: 100%; height: auto; font-family: inherit; }
        .chart-label, .chart-value, .chart-axis { font-size: 13px; fill: #0b0c0c; }
        .chart-axis { fill: #484949; }
        .chart-bar { fill: #1d70b8; }
        a:focus .chart-bar, a:hover .chart-bar { fill: #003078; }
        .chart-line { fill: none; stroke: #1d70b8; stroke-width: 3; }
        .chart-point { fill: #0b0c0c; }
        .chart-axis-line { stroke: #484949; }
        .chart-line--comparison { stroke: #6f777b; stroke-dasharray: 8 5; }
        .chart-line--target { stroke: #0b0c0c; stroke-width: 2; stroke-dasharray: 2 4; }
        .chart-point--comparison { fill: #6f777b; }
        .chart-target { fill: #ffffff; stroke: #0b0c0c; stroke-width: 2; }
        .chart-flow { fill: #1d70b8; fill-opacity: 0.3; }
        .chart-heading { font-weight: 700; }
        .chart-flow-label { paint-order: stroke; stroke: #ffffff; stroke-width: 4px; stroke-linejoin: round; }
        .heat-0 { fill: #f3f2f1; } .heat-1 { fill: #d2e2f1; } .heat-2 { fill: #8eb8dc; } .heat-3 { fill: #2b6cb0; } .heat-4 { fill: #0c2d4a; }
        .heat-text { font-size: 11px; fill: #0b0c0c; } .heat-text-light { font-size: 11px; fill: #fff; }
        .task-list { list-style: none; padding: 0; margin: 0 0 30px; border-top: 1px solid var(--border); }
        .task-list__item { display: grid; grid-template-columns: 1fr auto; gap: 5px 20px; padding: 10px 0;
          border-bottom: 1px solid var(--border); }
        .task-list__name { grid-column: 1; }
        .task-list__status { grid-column: 2; grid-row: 1; text-align: right; }
        .task-list__item > p, .task-list__item > ul { grid-column: 1 / -1; margin: 0; }
        """
}
