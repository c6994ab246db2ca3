// Package module is the contract between a domain module and the application: a module
// declares its messages with who may send them, its scheduled-work handlers, its queries
// (bound to the declarations in package query), its invariants, the state prefixes it owns
// (which genesis export and import carry) and any end-of-block work. The application keeps
// the ordered list of modules and wires the narrow interfaces modules declare for each
// other (a module never calls another's internals).
package module
