#include "textflag.h"

// func adlerBlocks(s1, s2 uint32, p []byte) (uint32, uint32)
//
// Per 32-byte block, after the sums of the blocks before it (zlib's
// vectorised Adler-32): s1 += the block's bytes (PSADBW against zero);
// s2 += 32·s1 (kept apart in X1, the running s1 added once a block, then
// times 32) + Σ (32−i)·byte[i] (PMADDUBSW by the weights 32…1, PMADDWL by
// ones into four 32-bit lanes).
TEXT ·adlerBlocks(SB), NOSPLIT, $0-40
	MOVL s1+0(FP), AX
	MOVL s2+4(FP), BX
	MOVQ p_base+8(FP), SI
	MOVQ p_len+16(FP), CX
	SHRQ $5, CX                 // blocks
	JZ done
	MOVL AX, DX
	IMULL CX, DX                // the sums' first s1 counted once per block
	MOVQ DX, X1                 // 32·s1 per block, before the shift
	PXOR X0, X0                 // zero
	PXOR X2, X2                 // the blocks' s1
	PXOR X3, X3                 // the blocks' s2
	MOVOU ·adlerTaps1<>(SB), X4
	MOVOU ·adlerTaps2<>(SB), X5
	MOVOU ·adlerOnes<>(SB), X6

loop:
	MOVOU (SI), X7
	MOVOU 16(SI), X8
	PADDL X2, X1
	MOVO X7, X9
	PSADBW X0, X9
	PADDL X9, X2
	MOVO X8, X9
	PSADBW X0, X9
	PADDL X9, X2
	PMADDUBSW X4, X7
	PMADDWL X6, X7
	PADDL X7, X3
	PMADDUBSW X5, X8
	PMADDWL X6, X8
	PADDL X8, X3
	ADDQ $32, SI
	DECQ CX
	JNZ loop

	PSLLL $5, X1
	PADDL X1, X3
	// Horizontal sums of the four 32-bit lanes.
	PSHUFL $0x4e, X2, X9
	PADDL X9, X2
	PSHUFL $0xb1, X2, X9
	PADDL X9, X2
	MOVQ X2, DX
	ADDL DX, AX
	PSHUFL $0x4e, X3, X9
	PADDL X9, X3
	PSHUFL $0xb1, X3, X9
	PADDL X9, X3
	MOVQ X3, DX
	ADDL DX, BX

done:
	MOVL AX, ret+32(FP)
	MOVL BX, ret1+36(FP)
	RET

// The weights of the first and second 16 bytes of a block (signed bytes,
// for PMADDUBSW), and 16-bit ones (for PMADDWL).
DATA ·adlerTaps1<>+0(SB)/8, $0x191a1b1c1d1e1f20
DATA ·adlerTaps1<>+8(SB)/8, $0x1112131415161718
GLOBL ·adlerTaps1<>(SB), RODATA|NOPTR, $16
DATA ·adlerTaps2<>+0(SB)/8, $0x090a0b0c0d0e0f10
DATA ·adlerTaps2<>+8(SB)/8, $0x0102030405060708
GLOBL ·adlerTaps2<>(SB), RODATA|NOPTR, $16
DATA ·adlerOnes<>+0(SB)/8, $0x0001000100010001
DATA ·adlerOnes<>+8(SB)/8, $0x0001000100010001
GLOBL ·adlerOnes<>(SB), RODATA|NOPTR, $16
