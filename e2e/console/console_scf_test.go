package console

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/query"
)

// TestConsoleScf opens the supply-chain finance page on a demo node: the overview lists the
// enterprises; a certificate found by its id shows its tree, holders over time, documents and
// financing; the graph of its root has one box per account and one arrow per passing, as the
// API says (the demo's root: the core enterprise, three tiers and the bank; four passings);
// the core enterprise's line shows the API's used and available; the bank's book its face;
// the page works in Chinese and English and at phone width.
func TestConsoleScf(t *testing.T) {
	w, _ := startDemoConsole(t)
	b, chain := w.b, w.sc.Chain
	b.run(t, "load", chromedp.Navigate(w.base+"/#/scf"), chromedp.WaitReady(chromedp.CSS(`#main[data-ready="scf"]`)))
	b.noErrors(t, "scf")
	require.Equal(t, "供应链金融", text(t, b, `#nav a[data-page="scf"]`), "Chinese by default")
	require.Equal(t, 1, count(t, b, `#scf-enterprises a[data-addr="`+chain.Core.Address()+`"]`), "the core enterprise is listed")

	// A certificate by its id, typed into the page's search.
	id := chain.Certificates["transferred"]
	b.run(t, "search a certificate", chromedp.SendKeys(chromedp.CSS("#scf-q"), strconv.FormatUint(id, 10)+"\r"),
		chromedp.WaitReady(chromedp.CSS(`#scf-graph`)))
	b.noErrors(t, "certificate")
	var tree query.ScfTree
	w.getJSON(t, fmt.Sprintf("/v1/scf/certificates/%d", id), &tree)
	var graph query.ScfGraph
	w.getJSON(t, fmt.Sprintf("/v1/scf/graphs/%d", tree.Root.ID), &graph)
	require.Equal(t, chain.Certificates["split"], tree.Root.ID)
	require.Len(t, graph.Nodes, 5, "issuer, tiers 1-3 and the bank")
	require.Len(t, graph.Edges, 4, "issued, two transfers, one financing")
	require.Equal(t, strconv.FormatUint(tree.Root.ID, 10), eval[string](t, b, `document.getElementById("scf-graph").dataset.root`))
	require.Equal(t, len(graph.Nodes), count(t, b, "#scf-graph g.node"))
	require.Equal(t, len(graph.Edges), count(t, b, "#scf-graph g.edge"))
	for _, e := range graph.Edges {
		sel := fmt.Sprintf(`#scf-graph g.edge[data-cert="%d"][data-from="%s"][data-to="%s"] .edge-label`, e.CertificateID, e.From, e.To)
		require.Equal(t, cny(e.Face), text(t, b, sel), "the arrow of certificate %d carries its face", e.CertificateID)
	}
	for _, n := range graph.Nodes {
		require.Equal(t, strconv.FormatUint(uint64(n.Tier), 10), eval[string](t, b, `document.querySelector('#scf-graph g.node[data-addr="`+n.Address+`"]').dataset.tier`))
	}
	require.Equal(t, len(tree.Nodes), rows(t, b, "#scf-tree"))
	require.Equal(t, len(tree.Certificate.Holders), rows(t, b, "#scf-holders"))
	require.Equal(t, len(tree.Documents), rows(t, b, "#scf-docs"))
	require.Equal(t, "核心企业", eval[string](t, b, `document.querySelector("#scf-graph .tier-label").textContent`))
	keepShot(t, b, "scf-certificate")

	// The financed part shows its financing.
	fin := chain.Certificates["financed"]
	b.open(t, fmt.Sprintf("scf/cert/%d", fin), "scf")
	w.getJSON(t, fmt.Sprintf("/v1/scf/certificates/%d", fin), &tree)
	require.NotNil(t, tree.Certificate.Financing)
	require.Equal(t, cny(tree.Certificate.Financing.Proceeds), text(t, b, "#scf-proceeds"))

	// The core enterprise's line: used and available as the API says (read around the page,
	// since settlement may release the line meanwhile).
	core := chain.Core.Address()
	var before, after query.ScfEnterprise
	w.getJSON(t, "/v1/scf/enterprises/"+core, &before)
	b.open(t, "scf/account/"+core, "scf")
	w.getJSON(t, "/v1/scf/enterprises/"+core, &after)
	used, avail := text(t, b, `#scf-lines [data-used="1"]`), text(t, b, `#scf-lines [data-available="1"]`)
	require.True(t, used == cny(before.Lines[0].Used) && avail == cny(before.Lines[0].Available) ||
		used == cny(after.Lines[0].Used) && avail == cny(after.Lines[0].Available), "line used %s available %s; API %+v / %+v", used, avail, before.Lines[0], after.Lines[0])
	require.Equal(t, cny(before.Lines[0].Limit), text(t, b, "#scf-lines tbody td:nth-child(3)"))
	var issued query.ScfIssued
	w.getJSON(t, "/v1/scf/enterprises/"+core+"/certificates", &issued)
	require.Len(t, issued.Certificates, 4, "settled, split, pending and rejected roots")
	require.Equal(t, len(issued.Certificates), rows(t, b, "#scf-issued"))
	require.Equal(t, 1, count(t, b, `#scf-issued [data-status="rejected"]`))
	keepShot(t, b, "scf-enterprise")

	// The bank's financed book.
	var book query.ScfBook
	w.getJSON(t, "/v1/scf/funders/"+w.sc.Inst.Bank.Address(), &book)
	b.open(t, "scf/account/"+w.sc.Inst.Bank.Address(), "scf")
	require.Equal(t, cny(book.Face), text(t, b, "#book-face"))
	require.Equal(t, len(book.Entries), rows(t, b, "#scf-book"))

	// English.
	b.open(t, fmt.Sprintf("scf/cert/%d", id), "scf")
	b.run(t, "English", chromedp.Click(chromedp.CSS("#lang")), poll(`document.querySelector('#nav a[data-page="scf"]').textContent === "Supply-chain finance"`),
		chromedp.WaitReady(chromedp.CSS(`#main[data-ready="scf"] #scf-graph`)))
	require.Equal(t, "Core enterprise", eval[string](t, b, `document.querySelector("#scf-graph .tier-label").textContent`))
	require.Equal(t, len(graph.Edges), count(t, b, "#scf-graph g.edge"))
	keepShot(t, b, "scf-certificate-en")
	b.noErrors(t, "scf in English")
	atPhoneWidth(t, b, fmt.Sprintf("scf/cert/%d", id), "scf", "scf-phone")
}
