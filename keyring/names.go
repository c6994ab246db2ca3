package keyring

// maxNameLen keeps file names well within every file system's limit.
const maxNameLen = 64

// minPassphraseLen is the shortest passphrase accepted for a newly sealed key.
const minPassphraseLen = 8

// validName accepts 1..64 characters of [a-zA-Z0-9_.-] not starting with '.'. The
// character set rules out path separators, and the leading-dot rule rules out "..",
// hidden files and our own temporary files.
func validName(name string) error {
	if len(name) == 0 || len(name) > maxNameLen || name[0] == '.' {
		return ErrBadName
	}
	for i := 0; i < len(name); i++ {
		if !nameChar(name[i]) {
			return ErrBadName
		}
	}
	return nil
}

func nameChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '_' || c == '.' || c == '-'
}

// checkNewPassphrase applies the strength rule to passphrases that will seal new data.
func checkNewPassphrase(p string) error {
	if len([]rune(p)) < minPassphraseLen {
		return ErrWeakPassphrase
	}
	return nil
}

// checkPassphrase rejects an empty passphrase before spending seconds in the KDF.
func checkPassphrase(p string) error {
	if p == "" {
		return ErrWrongPassphrase
	}
	return nil
}
