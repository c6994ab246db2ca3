package query

import (
	"encoding/json"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
)

// Paths of the credit and private-document views. Their values are the state records in
// protobuf JSON (snake_case names, 64-bit integers as decimal strings).
const (
	PathScorecards     = "/credit/scorecards" // every registered model version
	PathConsents       = "/credit/consents"   // data: borrower address
	PathAccesses       = "/credit/accesses"   // data: borrower address; reports given, oldest first
	PathEncryptionKey  = "/docs/key"          // data: member address
	PathDocument       = "/docs/document"     // data: hex ciphertext hash; the record and its grants
	PathDocumentAccess = "/docs/access"       // data: hex hash "/" member address; "true" or "false"
	PathDocumentsOwned = "/docs/owned"        // data: owner address
)

// protoJSON is how these views encode state records.
var protoJSON = protojson.MarshalOptions{UseProtoNames: true}

// ProtoJSON encodes one state record as these views do.
func ProtoJSON(m proto.Message) (json.RawMessage, error) { return protoJSON.Marshal(m) }

// ProtoJSONList encodes a list of state records as these views do.
func ProtoJSONList[M proto.Message](items []M) (json.RawMessage, error) {
	parts := make([]json.RawMessage, len(items))
	for i, m := range items {
		b, err := protoJSON.Marshal(m)
		if err != nil {
			return nil, err
		}
		parts[i] = b
	}
	return json.Marshal(parts)
}
