package localefix

import "testing"

func TestLanguage(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{"LANG": "C.UTF-8"}, true},
		{map[string]string{"LC_ALL": "C.utf8", "LANG": "en_GB.UTF-8"}, true},
		{map[string]string{"LC_MESSAGES": "POSIX.UTF-8"}, true},
		{map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "fr"}, false},
		{map[string]string{"LANG": "en_US.UTF-8"}, false},
		{map[string]string{"LC_ALL": "de_DE.UTF-8", "LANG": "C.UTF-8"}, false},
		{map[string]string{"LANG": "C"}, false}, // Fyne handles plain C itself
		{map[string]string{}, false},
	} {
		v, ok := Language(func(k string) string { return tc.env[k] })
		if ok != tc.want || (ok && v != "en") {
			t.Errorf("%v: got %q, %v; want set=%v", tc.env, v, ok, tc.want)
		}
	}
}
