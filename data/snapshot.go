package data

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io/fs"
)

// A snapshot is a briefing as Load returned it, written with encoding/gob
// together with the SHA-256 of the package files it was loaded from
// (FilesDigest). A package that ships one beside its files (data/libya)
// reads it in about a millisecond instead of parsing and validating its
// YAML, and goes back to Load whenever its files no longer match: the files
// stay the one source of truth, the snapshot a cache of what Load makes of
// them.
type snapshot struct {
	Digest   string // FilesDigest of the package the briefing was loaded from
	Briefing *Briefing
	// Where records were written (Briefing.Where) and the lines of the
	// excerpts' about lists, which the index keeps out of the exported
	// fields.
	Positions  map[string]position
	AboutLines map[string]int
}

// FilesDigest returns the hex SHA-256 of every file in fsys: each file's
// slash path, length and bytes, in path order. Two packages with the same
// digest load to the same briefing.
func FilesDigest(fsys fs.FS) (string, error) {
	h := sha256.New()
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := readFile(fsys, p)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(p)))
		h.Write(n[:])
		h.Write([]byte(p))
		binary.LittleEndian.PutUint64(n[:], uint64(len(b)))
		h.Write(n[:])
		h.Write(b)
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("digest of the package files: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// EncodeSnapshot returns the snapshot of b, which Load (or LoadWith without
// Sources) returned for the package in fsys.
func EncodeSnapshot(fsys fs.FS, b *Briefing) ([]byte, error) {
	digest, err := FilesDigest(fsys)
	if err != nil {
		return nil, err
	}
	s := snapshot{Digest: digest, Briefing: b}
	if b.index != nil {
		s.Positions, s.AboutLines = b.index.pos, b.index.aboutLine
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&s); err != nil {
		return nil, fmt.Errorf("encode snapshot: %w", err)
	}
	return buf.Bytes(), nil
}

// LoadSnapshot returns the briefing of snapshot raw when it was made from
// the files now in fsys, as Load would return it (its index built, Where
// answering). ok is false, with no error, when the files differ from those
// the snapshot was made from: the caller then loads fsys itself. err is set
// when raw is not a snapshot or fsys cannot be read.
func LoadSnapshot(fsys fs.FS, raw []byte) (b *Briefing, ok bool, err error) {
	var s snapshot
	if err := gob.NewDecoder(bytes.NewReader(raw)).Decode(&s); err != nil {
		return nil, false, fmt.Errorf("decode snapshot: %w", err)
	}
	if s.Briefing == nil {
		return nil, false, fmt.Errorf("decode snapshot: no briefing in it")
	}
	digest, err := FilesDigest(fsys)
	if err != nil {
		return nil, false, err
	}
	if digest != s.Digest {
		return nil, false, nil
	}
	b = s.Briefing
	b.Reindex()
	if s.Positions != nil {
		b.index.pos = s.Positions
	}
	if s.AboutLines != nil {
		b.index.aboutLine = s.AboutLines
	}
	return b, true, nil
}
