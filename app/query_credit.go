package app

import (
	"encoding/hex"
	"encoding/json"
	"strings"

	"google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/credit"
	"github.com/puhui-chain/puhui/x/docs"
)

func protoList[M proto.Message](items []M) (json.RawMessage, error) {
	b, err := query.ProtoJSONList(items)
	if err != nil {
		return nil, tx.ErrInternal.Wrapf("%v", err)
	}
	return b, nil
}

func protoOne(m proto.Message) (json.RawMessage, error) {
	b, err := query.ProtoJSON(m)
	if err != nil {
		return nil, tx.ErrInternal.Wrapf("%v", err)
	}
	return b, nil
}

// creditQuery answers the /credit/… and /docs/… paths; ok is false for any other path.
// A credit report itself is no query: it is given only through request_credit_report,
// which checks the consent and records the access.
func creditQuery(s store.Reader, path, arg string) (v any, ok bool, err error) {
	switch path {
	case query.PathScorecards:
		v, err = protoList(credit.Scorecards(s))
		return v, true, err
	case query.PathConsents, query.PathAccesses, query.PathEncryptionKey, query.PathDocumentsOwned:
		if err := tx.ValidateAddress("address", arg); err != nil {
			return nil, true, err
		}
		v, err = addressQuery(s, path, arg)
		return v, true, err
	case query.PathDocument:
		hash, err := hashArg(arg)
		if err != nil {
			return nil, true, err
		}
		d, found := docs.GetDocument(s, hash)
		if !found {
			return nil, true, docs.ErrUnknownDocument.Wrapf("document %s", arg)
		}
		v, err = protoOne(&statepb.DocumentView{Document: d, Grants: docs.Grants(s, hash)})
		return v, true, err
	case query.PathDocumentAccess:
		hashText, member, _ := strings.Cut(arg, "/")
		hash, err := hashArg(hashText)
		if err != nil {
			return nil, true, err
		}
		return docs.MayRead(s, hash, member), true, nil
	}
	return nil, false, nil
}

func addressQuery(s store.Reader, path, addr string) (json.RawMessage, error) {
	switch path {
	case query.PathConsents:
		return protoList(credit.Consents(s, addr))
	case query.PathAccesses:
		return protoList(credit.Accesses(s, addr))
	case query.PathDocumentsOwned:
		return protoList(docs.OwnedBy(s, addr))
	}
	k, found := docs.GetEncryptionKey(s, addr)
	if !found {
		return nil, docs.ErrNoEncryptionKey.Wrapf("%s has published no encryption key", addr)
	}
	return protoOne(k)
}

func hashArg(text string) ([]byte, error) {
	h, err := hex.DecodeString(text)
	if err != nil || len(h) != docs.HashSize {
		return nil, tx.ErrInvalidField.Wrapf("document hash %q: %d bytes in hex", text, docs.HashSize)
	}
	return h, nil
}
