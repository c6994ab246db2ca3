package tx

// Helpers of the stateless checks every message type declares with its route
// (module.Route.Basic).

// RequireID refuses the zero id: ids are numbered from 1.
func RequireID(field string, id uint64) error {
	if id == 0 {
		return ErrInvalidField.Wrapf("%s is required (ids start at 1)", field)
	}
	return nil
}

// CheckText bounds a text field's length in bytes.
func CheckText(field, s string, minBytes, maxBytes int) error {
	if len(s) < minBytes || len(s) > maxBytes {
		return ErrInvalidField.Wrapf("%s: %d bytes, want %d..%d", field, len(s), minBytes, maxBytes)
	}
	return nil
}

// FirstError returns the first non-nil error, in argument order: the checks of a message
// read as one list, and the first field that fails is the one reported.
func FirstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
