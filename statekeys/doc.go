// Package statekeys encodes the state keys, and the few state values, that a proof names: an
// account record, a balance and its held part, the frozen flag. The modules that write these
// records and the SDK that checks their proofs both use it, so the two cannot drift apart
// and the SDK needs no module code.
//
// It owns encodings only: no state access, no logic, and no import of any package of the
// module. A key's bytes are part of the AppHash; changing one is a state-format change.
package statekeys
