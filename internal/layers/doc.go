// Package layers holds the import rules of ARCHITECTURE.md ("Layers — data flows down,
// imports point down") and the check that the import graph keeps them. Its test reads the
// graph with `go list -deps` and fails naming every offending import chain.
//
// It owns the rules only; it is imported by nothing and must not import any package of the
// module.
package layers
