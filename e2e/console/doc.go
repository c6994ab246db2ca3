// Package console tests the web console in a real headless Chromium (chromedp) against an
// in-process demo node: every page loads without console errors and shows what the REST API
// answers, and what a page does reaches the chain. It is a package of its own, beside e2e,
// so that go test runs the two long packages at the same time; its node's explicit port comes
// from e2etest.ConsoleBand, which the e2e package and the nodes it starts never use.
package console
