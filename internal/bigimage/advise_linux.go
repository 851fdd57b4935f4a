package bigimage

import "syscall"

// adviseHuge asks Linux to back b with transparent huge pages. It returns
// madvise's error (EINVAL when the kernel has no transparent huge pages);
// callers may ignore it: the advice changes speed, never contents.
func adviseHuge(b []byte) error { return syscall.Madvise(b, syscall.MADV_HUGEPAGE) }
