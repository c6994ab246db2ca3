// Package e2e tests the built puhui binary as a user runs it: real node processes on
// loopback ports, the README walkthrough, kill -9 crash recovery, and the web console in a
// real headless Chromium (chromedp) against a demo node.
package e2e
