// Package web is the console: the web page every node serves at "/" on its API address for
// explorers, lenders, members at their daily work, borrowers and the regulator. It is HTML,
// CSS and plain ES-module JavaScript embedded with go:embed — no build step, no CDN, no
// node_modules — and Chart.js (static/vendor, pinned at 4.6.1, its licence beside it).
//
// It owns the files under static/ and the handler that serves them with safe headers: a
// content security policy that admits only the node's own scripts, styles and API (no inline
// script, no eval), no framing, no referrer. It must not reach the chain any other way than
// the REST API and its event stream, from the browser; so this package imports nothing of
// the module. The operator token a member signs in with lives only in the tab's
// sessionStorage and travels only as the Authorization header of /v1/operator calls; it is
// never put in a URL, never logged.
//
// Pages are modules under static/js/pages. Adding a module's page is one small step:
//
//  1. write static/js/pages/<name>.js exporting a page object
//     { id: "<name>", nav: "nav.<name>", render(root, ctx) } — render builds the page into root
//     with the helpers of static/js/dom.js, reads the API with ctx.api.get(path) and formats
//     money with static/js/fmt.js (from the integer string and the asset's scale, never a float);
//  2. add it to the list in static/js/pages/index.js (its place there is its place in the menu);
//  3. add its labels, Chinese and English, to static/js/i18n.js under the same keys.
//
// A module's page finds what it shares with the others in static/js/links.js (members' names
// for addresses, links to the account page, route parameters as key/value pairs so that a
// view survives a reload, facts maps, CSV/JSON exports) and static/js/graph.js (the
// supply-chain graph as SVG built with createElementNS).
//
// The browser tests (e2e/console: console_test.go, and one file per module page) load it with
// every other page and fail on any console error it logs.
package web
