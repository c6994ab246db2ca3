package query

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
