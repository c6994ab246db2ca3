package api

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/puhui-chain/puhui/docstore"
	"github.com/puhui-chain/puhui/tx"
)

// documentContent serves the node's document store: its operator uploads ciphertexts, and
// members fetch the ciphertexts of the operator's documents they hold a live grant to.
// Both are signed requests (docstore.Sign); bodies are raw bytes, not JSON.
func (s *server) registerDocumentContent(mux *http.ServeMux) {
	mux.HandleFunc("PUT /v1/documents/{hash}/content", s.putDocument)
	mux.HandleFunc("GET /v1/documents/{hash}/content", s.getDocument)
}

func (s *server) docRequest(w http.ResponseWriter, r *http.Request) (hash []byte, signer string, ok bool) {
	if s.Documents == nil || s.Operator == nil {
		writeProblem(w, http.StatusServiceUnavailable, "api.no_document_store", "this node keeps no documents")
		return nil, "", false
	}
	hash, err := hex.DecodeString(r.PathValue("hash"))
	if err != nil || len(hash) != tx.DocumentHashSize {
		writeProblem(w, http.StatusBadRequest, "tx.invalid_field", "hash: 32 bytes in hex")
		return nil, "", false
	}
	pub, err := docstore.VerifyRequest(r, hash, time.Now())
	if err != nil {
		writeProblem(w, http.StatusUnauthorized, "api.unsigned", err.Error())
		return nil, "", false
	}
	return hash, tx.AddressOf(pub), true
}

func (s *server) putDocument(w http.ResponseWriter, r *http.Request) {
	hash, signer, ok := s.docRequest(w, r)
	if !ok {
		return
	}
	if signer != s.Operator.Address() {
		writeProblem(w, http.StatusForbidden, "api.not_operator", "only this node's operator stores documents here")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, tx.MaxDocumentBytes))
	if err != nil {
		writeProblem(w, http.StatusRequestEntityTooLarge, "api.too_large", fmt.Sprintf("a document is at most %d bytes", tx.MaxDocumentBytes))
		return
	}
	if !docstore.Verify(body, hash) {
		writeProblem(w, http.StatusUnprocessableEntity, "api.hash_mismatch", "the body does not hash to the path's hash")
		return
	}
	if _, err := s.Documents.Put(body); err != nil {
		writeProblem(w, http.StatusInternalServerError, "api.store_failed", err.Error())
		return
	}
	w.WriteHeader(http.StatusCreated)
}

// getDocument serves a ciphertext only when the chain says the signer may read it and the
// document is this node's operator's: a non-grantee gets nothing but the refusal.
func (s *server) getDocument(w http.ResponseWriter, r *http.Request) {
	hash, signer, ok := s.docRequest(w, r)
	if !ok {
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 10*time.Second)
	defer cancel()
	v, err := s.Client.Document(ctx, hash)
	if err != nil || v.Owner != s.Operator.Address() {
		writeProblem(w, http.StatusNotFound, "docs.unknown_document", "this node keeps no such document")
		return
	}
	if may, err := s.Client.MayReadDocument(ctx, hash, signer); err != nil || !may {
		writeProblem(w, http.StatusForbidden, "docs.no_grant", signer+" holds no live grant to this document")
		return
	}
	b, err := s.Documents.Get(hash)
	if errors.Is(err, docstore.ErrNotFound) {
		writeProblem(w, http.StatusNotFound, "docs.unknown_document", "registered, but its ciphertext is not in this node's store")
		return
	}
	if err != nil {
		writeProblem(w, http.StatusInternalServerError, "api.store_failed", err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(b))
}

func writeProblem(w http.ResponseWriter, status int, code, detail string) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	fmt.Fprintf(w, `{"status":%d,"title":%q,"code":%q,"detail":%q}`, status, http.StatusText(status), code, detail)
}
